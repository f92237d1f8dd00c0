/* The organiser's QR reader where the browser has no BarcodeDetector: zbar's image scanner, QR codes
 * only, built into its own small wasm (dist/zbar-qr.wasm, cmake/web.cmake), fetched only when the
 * camera opens. web/zbar-worker.js writes a camera frame (RGBA, as a canvas gives it) into the
 * reader's buffer and asks for the texts of the codes in it. */
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
