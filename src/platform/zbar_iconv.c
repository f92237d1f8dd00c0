/* A small iconv for zbar's QR decoder in the browser (dist/zbar-qr.wasm, with qr_reader_zbar.c).
 * zbar turns a code's byte-mode text into UTF-8 with iconv, trying UTF-8, then ISO-8859-1 (and
 * Shift-JIS, Big5 or an ECI charset when the code names one). libc's iconv brings ~140 KB of CJK
 * tables into the wasm; results are written in the alphanumeric mode (which needs no iconv) and
 * files are UTF-8, so only UTF-8 and Latin-1 are offered here; zbar skips charsets it cannot open. */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <string.h>

enum { CONV_UTF8 = 1, CONV_LATIN1 = 2 };

iconv_t iconv_open(const char *to, const char *from) {
  if (strcmp(to, "UTF-8") == 0 && strcmp(from, "UTF-8") == 0) return (iconv_t)CONV_UTF8;
  if (strcmp(to, "UTF-8") == 0 && strcmp(from, "ISO8859-1") == 0) return (iconv_t)CONV_LATIN1;
  errno = EINVAL;
  return (iconv_t)-1;
}

/* Length of the valid UTF-8 sequence at s (of at most n bytes), 0 when not valid. */
static size_t utf8_sequence(const unsigned char *s, size_t n) {
  const size_t len = s[0] < 0x80 ? 1 : (s[0] >> 5) == 6 ? 2 : (s[0] >> 4) == 14 ? 3 : (s[0] >> 3) == 30 ? 4 : 0;
  if (len == 0 || len > n || (len == 2 && s[0] < 0xC2)) return 0;
  for (size_t i = 1; i < len; ++i)
    if ((s[i] & 0xC0) != 0x80) return 0;
  return len;
}

size_t iconv(iconv_t cd, char **in, size_t *inleft, char **out, size_t *outleft) {
  if (!in || !*in) return 0;
  while (*inleft > 0) {
    const unsigned char *s = (const unsigned char *)*in;
    const size_t take = (intptr_t)cd == CONV_UTF8 ? utf8_sequence(s, *inleft) : 1;
    const size_t put = (intptr_t)cd == CONV_UTF8 ? take : (s[0] < 0x80 ? 1 : 2);
    if (take == 0) { errno = EILSEQ; return (size_t)-1; }
    if (put > *outleft) { errno = E2BIG; return (size_t)-1; }
    if ((intptr_t)cd == CONV_UTF8) memcpy(*out, s, take);
    else if (put == 1) (*out)[0] = (char)s[0];
    else { (*out)[0] = (char)(0xC0 | (s[0] >> 6)); (*out)[1] = (char)(0x80 | (s[0] & 0x3F)); }
    *in += take; *inleft -= take; *out += put; *outleft -= put;
  }
  return 0;
}

int iconv_close(iconv_t cd) {
  (void)cd;
  return 0;
}
