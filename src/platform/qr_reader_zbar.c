/* The organiser's QR reader where the browser has no BarcodeDetector: zbar's image scanner, QR codes
 * only, built into its own small wasm (dist/zbar-qr.wasm, cmake/web.cmake), fetched only when the
 * camera opens. web/zbar-worker.js writes a camera frame (RGBA, as a canvas gives it) into the
 * reader's buffer and asks for the texts of the codes in it. */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zbar.h>

typedef struct QrReader {
  zbar_image_scanner_t *scanner;
  unsigned char *pixels; /* RGBA in, then grey in place (the first width*height bytes) */
  int width, height;
  char *texts; /* the codes found by the last scan, one per line */
} QrReader;

QrReader *qr_reader_create(void) {
  QrReader *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  r->scanner = zbar_image_scanner_create();
  zbar_image_scanner_set_config(r->scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
  zbar_image_scanner_set_config(r->scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
  return r;
}

/* Room for one RGBA frame of this size; the caller fills it, then calls qr_reader_scan. */
unsigned char *qr_reader_frame(QrReader *r, int width, int height) {
  if (width <= 0 || height <= 0 || width > 4096 || height > 4096) return NULL;
  if (width * height != r->width * r->height) {
    free(r->pixels);
    r->pixels = malloc((size_t)width * height * 4);
  }
  r->width = r->pixels ? width : 0;
  r->height = r->pixels ? height : 0;
  return r->pixels;
}

static void to_grey(unsigned char *p, int n) {
  /* ITU-R BT.601 luma in integers; each grey byte is written before its RGBA bytes are needed again. */
  for (int i = 0; i < n; ++i) {
    const unsigned char *q = p + 4 * i;
    p[i] = (unsigned char)((77 * q[0] + 150 * q[1] + 29 * q[2]) >> 8);
  }
}

/* The texts of the QR codes in the frame, one per line ("" for none). Valid until the next call. */
const char *qr_reader_scan(QrReader *r) {
  free(r->texts);
  r->texts = NULL;
  if (!r->pixels) return "";
  to_grey(r->pixels, r->width * r->height);
  zbar_image_t *img = zbar_image_create();
  zbar_image_set_format(img, zbar_fourcc('Y', '8', '0', '0'));
  zbar_image_set_size(img, r->width, r->height);
  zbar_image_set_data(img, r->pixels, (unsigned long)r->width * r->height, NULL);
  size_t len = 0;
  if (zbar_scan_image(r->scanner, img) > 0) {
    for (const zbar_symbol_t *s = zbar_image_first_symbol(img); s; s = zbar_symbol_next(s))
      len += zbar_symbol_get_data_length(s) + 1;
    r->texts = malloc(len + 1);
    if (r->texts) {
      size_t at = 0;
      for (const zbar_symbol_t *s = zbar_image_first_symbol(img); s; s = zbar_symbol_next(s)) {
        const unsigned n = zbar_symbol_get_data_length(s);
        memcpy(r->texts + at, zbar_symbol_get_data(s), n);
        at += n;
        r->texts[at++] = '\n';
      }
      r->texts[at] = '\0';
    }
  }
  zbar_image_destroy(img);
  return r->texts ? r->texts : "";
}

void qr_reader_destroy(QrReader *r) {
  if (!r) return;
  zbar_image_scanner_destroy(r->scanner);
  free(r->pixels);
  free(r->texts);
  free(r);
}

/* zbar turns a code's byte-mode text into UTF-8 with iconv, trying UTF-8, then ISO-8859-1 (and
 * Shift-JIS, Big5 or an ECI charset when the code names one). libc's iconv brings ~140 KB of CJK
 * tables into the wasm; results are written in the alphanumeric mode (which needs no iconv) and
 * files are UTF-8, so only UTF-8 and Latin-1 are offered here; zbar skips charsets it cannot open. */
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
