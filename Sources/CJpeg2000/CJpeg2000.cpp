// JPEG 2000 pixel data through GDCM, built as libctcase-jpeg2000.so (see CJpeg2000.h).
#include "CJpeg2000.h"

#include <dlfcn.h>

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

// OpenJPEG's first error message during this thread's decode (GDCM decodes on the caller's
// thread).
thread_local std::string openJpegError;

void keepOpenJpegError(const char *message, void *) {
  if (message == NULL || !openJpegError.empty()) return;
  std::string text(message);
  size_t end = text.find_last_not_of(" \n\r\t");
  openJpegError = end == std::string::npos ? "" : text.substr(0, end + 1);
}

// The reason for a failed decode, with OpenJPEG's own words when it gave any.
std::string reason(const std::string &what) {
  return openJpegError.empty() ? what : what + " (OpenJPEG: " + openJpegError + ")";
}

typedef void (*OpenJpegMessageHandler)(const char *message, void *clientData);
typedef int (*OpenJpegSetHandler)(void *codec, OpenJpegMessageHandler handler, void *clientData);

}  // namespace

// GDCM 3.0 hands OpenJPEG an error handler that fprintf()s every message to stderr, with no
// switch to turn it off; the tool must print one line per problem itself. This library defines
// the OpenJPEG function GDCM calls to install that handler: it is loaded before GDCM's
// dependencies (dlopen's local scope is searched in load order), so GDCM's call lands here, and
// the call is passed on to OpenJPEG with a handler that keeps the message for the error instead.
extern "C" __attribute__((visibility("default"))) int opj_set_error_handler(
    void *codec, OpenJpegMessageHandler, void *clientData) {
  static OpenJpegSetHandler openJpeg =
      reinterpret_cast<OpenJpegSetHandler>(dlsym(RTLD_NEXT, "opj_set_error_handler"));
  return openJpeg == NULL ? 0 : openJpeg(codec, keepOpenJpegError, clientData);
}

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

  openJpegError.clear();

  gdcm::ImageReader reader;
  reader.SetFileName(path);
  if (!reader.Read()) {
    return fail(error, errorLength, reason("GDCM cannot read the JPEG 2000 image"));
  }

  const gdcm::Image &image = reader.GetImage();
  size_t length = image.GetBufferLength();
  char *buffer = length > 0 ? static_cast<char *>(std::malloc(length)) : NULL;
  if (buffer == NULL || !image.GetBuffer(buffer)) {
    std::free(buffer);
    return fail(error, errorLength, reason("GDCM cannot decode the JPEG 2000 pixel data"));
  }
  // GDCM can return pixels after OpenJPEG gave up on part of the stream: they are not the image.
  if (!openJpegError.empty()) {
    std::free(buffer);
    return fail(error, errorLength, reason("damaged JPEG 2000 data"));
  }
  *pixels = buffer;
  *byteCount = length;
  return 0;
}
