#ifndef CDICOM_H
#define CDICOM_H
/*
 * CDicom: a small C API over DCMTK (and GDCM for JPEG 2000) for READING DICOM files.
 * Opaque handles, status codes and caller-owned error buffers; no C++ types cross it.
 * All text values come back as UTF-8: the dataset is converted with its Specific Character Set
 * (DCMTK convertToUTF8) right after loading; CDicom_CharsetConverted tells whether that worked.
 */
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Outcome of a CDicom call; any value but CDicom_StatusOK comes with a message. */
typedef enum CDicom_Status {
  CDicom_StatusOK = 0,
  CDicom_StatusNotDicom = 1,
  CDicom_StatusReadFailed = 2,
  CDicom_StatusDecodeFailed = 3,
  CDicom_StatusUnsupported = 4
} CDicom_Status;

/** One loaded DICOM file (header only, or header and pixel data). */
typedef struct CDicom_File CDicom_File;

/** Registers DCMTK's JPEG, JPEG-LS and RLE decoders and silences DCMTK's and GDCM's own
 *  logging. Idempotent and thread-safe; every other call runs it first. */
void CDicom_Initialize(void);

/** 1 when the file starts like DICOM: "DICM" at byte 128, or (no preamble) a first tag in group
 *  0x0002 or 0x0008 in little-endian order. 0 otherwise or when it cannot be read. */
int CDicom_LooksLikeDicom(const char *path);

/** Loads a file. With headerOnly != 0 parsing stops before Pixel Data (7FE0,0010).
 *  On success *file owns the dataset; free it with CDicom_Close. On failure *file is NULL and
 *  error holds a one-line message (without the path). */
CDicom_Status CDicom_Open(const char *path, int headerOnly, CDicom_File **file, char *error,
                          size_t errorLength);

/** Loads a whole file (header and pixel data) from bytes already in memory, for callers that
 *  read the file once to hash it too. The bytes are copied; they may be freed after the call.
 *  `path` is kept for messages and for GDCM's JPEG 2000 decoder, which reads the file itself.
 *  Meant for pixel decoding: text values are NOT converted to UTF-8 (CDicom_CharsetConverted
 *  reports 0), which saves a walk over the dataset. Otherwise the same results and errors as
 *  CDicom_Open with headerOnly == 0. */
CDicom_Status CDicom_OpenBuffer(const void *bytes, size_t length, const char *path,
                                CDicom_File **file, char *error, size_t errorLength);

/** Finds native Pixel Data inside a whole file held in memory, without copying it: DCMTK parses
 *  the header up to Pixel Data (7FE0,0010), and the value must be uncompressed little endian
 *  (implicit or explicit VR), Bits Allocated 16, of even defined length, and end exactly at the
 *  end of the bytes. On success *offset and *valueLength locate the value in `bytes` (stored
 *  values in little-endian order). Any other file, including every malformed one, gives
 *  CDicom_StatusUnsupported: the caller then decodes through CDicom_OpenBuffer, whose errors
 *  name the problem. */
CDicom_Status CDicom_LocateNativePixels(const void *bytes, size_t length, size_t *offset,
                                        size_t *valueLength);

/** Stored pixel values to Hounsfield units when Rescale Slope is 1 and the intercept a whole
 *  number (`offset`): keeps the bits in `mask` (Bits Stored), sign-extends from `signBit` (0 for
 *  unsigned data), adds `offset`, clamps to int16, and writes `noData` where the stored value lies
 *  in [paddingLower, paddingUpper] (an empty range when lower > upper). Reads and writes `count`
 *  samples; the buffers must not overlap. Returns how many samples were clamped. */
long CDicom_MapStoredValuesWithOffset(const uint16_t *source, int16_t *destination, size_t count,
                                      int32_t mask, int32_t signBit, int32_t offset,
                                      int32_t paddingLower, int32_t paddingUpper,
                                      int16_t noData);

/** Frees a file handle; NULL is allowed. */
void CDicom_Close(CDicom_File *file);

/** The transfer syntax UID the file was written in ("" when unknown). Valid while open. */
const char *CDicom_TransferSyntaxUID(const CDicom_File *file);

/** 1 when the text values were converted to UTF-8 (or needed no conversion), 0 when the
 *  Specific Character Set is unknown or a value could not be converted. */
int CDicom_CharsetConverted(const CDicom_File *file);

/** The value of an attribute, all multiplicity joined by backslashes, as UTF-8.
 *  `tags` holds `depth` tags, each (group << 16) | element: the first depth-1 are sequences and
 *  `items[i]` picks the item of sequence tags[i]; the last is the attribute itself.
 *  Returns the full value length in bytes (copying at most bufferLength-1 and a NUL), or -1 when
 *  the attribute (or a sequence item on the way) is absent. */
long CDicom_GetString(const CDicom_File *file, const uint32_t *tags, const int32_t *items,
                      int depth, char *buffer, size_t bufferLength);

/** The number of items in the sequence at the end of the path (same path rules as
 *  CDicom_GetString), or -1 when absent. */
long CDicom_SequenceCount(const CDicom_File *file, const uint32_t *tags, const int32_t *items,
                          int depth);

/** Decodes all frames of Pixel Data into `destination` as unsigned 16-bit stored values in
 *  native byte order (8-bit data widened). `count` is the number of samples the caller expects
 *  (frames * rows * columns); a different decoded size is an error. The file must have been
 *  opened with headerOnly == 0. JPEG 2000 is decoded by GDCM in libctcase-jpeg2000.so, loaded
 *  on first use (CJpeg2000.h), everything else by DCMTK. */
CDicom_Status CDicom_DecodePixels(CDicom_File *file, uint16_t *destination, size_t count,
                                  char *error, size_t errorLength);

/** Decodes Pixel Data inside the file object and points *samples at its 16-bit stored values
 *  (native byte order, *count samples), valid until CDicom_Close: no copy. Only for Bits
 *  Allocated 16 in a transfer syntax DCMTK decodes; otherwise returns CDicom_StatusUnsupported
 *  and the caller uses CDicom_DecodePixels. */
CDicom_Status CDicom_BorrowPixels(CDicom_File *file, const uint16_t **samples, size_t *count,
                                  char *error, size_t errorLength);

#ifdef __cplusplus
}
#endif

/* Umbrella header: SwiftPM exports only what this header includes, so every other public
 * header of the shim (version, CT writer, DICOM output objects) is included here. */
#include "CDicomVersion.h"
#include "CDicomWriter.h"
#include "CDicomObjects.h"
#endif
