#ifndef CJPEG2000_H
#define CJPEG2000_H

/*
 * CJpeg2000: the JPEG 2000 decoder of ctcase, kept in its own shared library
 * (libctcase-jpeg2000.so) that the CDicom shim loads on the first JPEG 2000 image.
 *
 * Open-source DCMTK has no JPEG 2000 codec, so these images are decoded with GDCM (through
 * OpenJPEG). Linking GDCM into the executable cost every run about 20 ms of start-up (its
 * libraries' relocations and its dictionary built at load time) whether or not a series was
 * JPEG 2000; loaded here on demand, only the runs that need it pay.
 */

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The name CDicom looks for next to the binary it is linked into, then on the library path. */
#define CJPEG2000_LIBRARY_NAME "libctcase-jpeg2000.so"
/* The entry point CDicom resolves with dlsym. */
#define CJPEG2000_DECODE_SYMBOL "CJpeg2000_Decode"

/* Decodes the JPEG 2000 pixel data of the DICOM file at `path`. Returns 0 on success with
 * `*pixels` pointing to `*byteCount` bytes of decoded samples (native byte order), allocated
 * with malloc: the caller frees them with free(). Otherwise returns non-zero, sets `*pixels`
 * to NULL and writes a one-line reason into `error`. */
int CJpeg2000_Decode(const char *path, void **pixels, size_t *byteCount, char *error,
                     size_t errorLength);

typedef int (*CJpeg2000_DecodeFunction)(const char *, void **, size_t *, char *, size_t);

#ifdef __cplusplus
}
#endif

#endif
