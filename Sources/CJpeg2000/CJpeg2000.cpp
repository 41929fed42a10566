// JPEG 2000 pixel data through GDCM, built as libctcase-jpeg2000.so (see CJpeg2000.h).
#include "CJpeg2000.h"

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>

#include <gdcm-3.0/gdcmImage.h>
#include <gdcm-3.0/gdcmImageReader.h>
#include <gdcm-3.0/gdcmTrace.h>

namespace {

std::once_flag silenceOnce;

int fail(char *error, size_t errorLength, const std::string &message) {
  if (error != NULL && errorLength > 0) std::snprintf(error, errorLength, "%s", message.c_str());
  return 1;
}

}  // namespace

extern "C" int CJpeg2000_Decode(const char *path, void **pixels, size_t *byteCount,
                                char *error, size_t errorLength) {
  *pixels = NULL;
  *byteCount = 0;
  // ctcase reports problems itself, one line each; GDCM's own stderr output would break that.
  std::call_once(silenceOnce, [] {
    gdcm::Trace::SetDebug(false);
    gdcm::Trace::SetWarning(false);
    gdcm::Trace::SetError(false);
  });

  gdcm::ImageReader reader;
  reader.SetFileName(path);
  if (!reader.Read()) return fail(error, errorLength, "GDCM cannot read the JPEG 2000 image");

  const gdcm::Image &image = reader.GetImage();
  size_t length = image.GetBufferLength();
  char *buffer = length > 0 ? static_cast<char *>(std::malloc(length)) : NULL;
  if (buffer == NULL || !image.GetBuffer(buffer)) {
    std::free(buffer);
    return fail(error, errorLength, "GDCM cannot decode the JPEG 2000 pixel data");
  }
  *pixels = buffer;
  *byteCount = length;
  return 0;
}
