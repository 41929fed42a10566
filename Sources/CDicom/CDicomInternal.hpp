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

/// Copies a message into a caller's buffer (always NUL-terminated when length > 0).
void CDicom_SetError(char *error, size_t errorLength, const std::string &message);

#endif
