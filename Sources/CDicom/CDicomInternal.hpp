// Private to the CDicom target: the definition behind the opaque CDicom_File handle.
#ifndef CDICOM_INTERNAL_HPP
#define CDICOM_INTERNAL_HPP

#include <string>

#include "dcmtk/config/osconfig.h"
#include "dcmtk/dcmdata/dctk.h"

#include "CDicom.h"

struct CDicom_File {
  DcmFileFormat format;
  std::string path;
  std::string transferSyntaxUID;
  bool headerOnly = true;
  bool charsetConverted = true;
};

/// Sends DCMTK's log to CDicom_DecoderWarnings instead of stderr (with CTCASE_DCMTK_LOG set, also
/// to stderr at debug level). Idempotent; every entry point of the shim that uses DCMTK calls it.
void CDicom_RouteLogging(void);

/// While alive, collects the first warning DCMTK logs on this thread (a decoder's report of
/// damaged data, which it otherwise only logs). Not nestable; one per decode.
struct CDicom_DecoderWarnings {
  std::string first;
  CDicom_DecoderWarnings();
  ~CDicom_DecoderWarnings();
  CDicom_DecoderWarnings(const CDicom_DecoderWarnings &) = delete;
  CDicom_DecoderWarnings &operator=(const CDicom_DecoderWarnings &) = delete;
};

/// Copies a message into a caller's buffer (always NUL-terminated when length > 0).
void CDicom_SetError(char *error, size_t errorLength, const std::string &message);

#endif
