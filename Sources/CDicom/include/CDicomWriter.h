#ifndef CDICOM_WRITER_H
#define CDICOM_WRITER_H

// A thin C interface over DCMTK for writing one DICOM object (used for CT Image Storage by the
// phantom). Build a data set attribute by attribute, attach 16-bit pixels, then save it as a
// DICOM Part 10 file in Explicit VR Little Endian. Every call returns a status code (0 = ok);
// on failure the handle keeps a one-line message readable with CDicomWriter_lastError.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Status codes returned by every CDicomWriter_ call.
enum {
  CDicomWriter_ok = 0,
  CDicomWriter_invalidArgument = 1,
  CDicomWriter_dcmtkFailure = 2
};

/// An opaque DICOM data set under construction; owned by the caller, freed with
/// CDicomWriter_destroy.
typedef struct CDicomWriter_Dataset CDicomWriter_Dataset;

/// A new empty data set, or NULL when memory is exhausted.
CDicomWriter_Dataset *CDicomWriter_create(void);

/// Frees the data set and everything attached to it; NULL is ignored.
void CDicomWriter_destroy(CDicomWriter_Dataset *dataset);

/// Puts a string-valued attribute (any string VR, or a multi-valued number written as text
/// with backslashes). The VR comes from DCMTK's data dictionary.
int32_t CDicomWriter_putString(
    CDicomWriter_Dataset *dataset, uint16_t group, uint16_t element, const char *value);

/// Puts an attribute of VR US (unsigned short), such as Rows or BitsAllocated.
int32_t CDicomWriter_putUInt16(
    CDicomWriter_Dataset *dataset, uint16_t group, uint16_t element, uint16_t value);

/// Puts Pixel Data (7FE0,0010) as OW from `count` signed 16-bit stored values.
int32_t CDicomWriter_putPixels16(
    CDicomWriter_Dataset *dataset, const int16_t *pixels, size_t count);

/// Writes the data set with a file meta header (Explicit VR Little Endian) to `path`.
int32_t CDicomWriter_saveFile(CDicomWriter_Dataset *dataset, const char *path);

/// The message of the last failed call on this data set ("" if none); valid until the next
/// call on the same handle.
const char *CDicomWriter_lastError(const CDicomWriter_Dataset *dataset);

#ifdef __cplusplus
}
#endif

#endif
