// DCMTK's decoders report damaged compressed data only as log warnings ("Corrupt JPEG data:
// bad Huffman code", "RLE decoder is finished but has produced insufficient data") and then
// succeed with filler pixels. This file routes those warnings to the thread that is decoding,
// so the shim can refuse the file instead of handing the filler on as a slice.
#include "CDicomInternal.hpp"

#include "dcmtk/oflog/appender.h"
#include "dcmtk/oflog/logger.h"
#include "dcmtk/oflog/oflog.h"
#include "dcmtk/oflog/spi/logevent.h"

#include <cstdlib>
#include <mutex>

namespace {

// The first warning of the decode running on this thread; NULL outside a decode.
thread_local std::string *decoderWarning = NULL;

// Keeps the first warning of the current thread's decode; everything else DCMTK logs is dropped
// (the tool reports problems itself, one line each).
class DecoderWarningAppender : public dcmtk::log4cplus::Appender {
 public:
  ~DecoderWarningAppender() { destructorImpl(); }
  void close() {}

 protected:
  void append(const dcmtk::log4cplus::spi::InternalLoggingEvent &event) {
    if (decoderWarning == NULL || !decoderWarning->empty() ||
        event.getLogLevel() < dcmtk::log4cplus::WARN_LOG_LEVEL) {
      return;
    }
    std::string message = event.getMessage().c_str();
    size_t end = message.find_last_not_of(" \n\r\t");
    *decoderWarning = end == std::string::npos ? "" : message.substr(0, end + 1);
  }
};

}  // namespace

void CDicom_RouteLogging(void) {
  static std::once_flag routeOnce;
  std::call_once(routeOnce, [] {
    // configure() sets DCMTK's logging up with a console appender (so DCMTK never adds one
    // later); it stays only when CTCASE_DCMTK_LOG asks for DCMTK's own debug output.
    bool verbose = std::getenv("CTCASE_DCMTK_LOG") != NULL;
    OFLog::configure(verbose ? OFLogger::DEBUG_LOG_LEVEL : OFLogger::OFF_LOG_LEVEL);
    dcmtk::log4cplus::Logger root = dcmtk::log4cplus::Logger::getRoot();
    if (!verbose) root.removeAllAppenders();
    root.addAppender(dcmtk::log4cplus::SharedAppenderPtr(new DecoderWarningAppender()));
    root.setLogLevel(verbose ? dcmtk::log4cplus::DEBUG_LOG_LEVEL
                             : dcmtk::log4cplus::WARN_LOG_LEVEL);
  });
}

CDicom_DecoderWarnings::CDicom_DecoderWarnings() { decoderWarning = &first; }

CDicom_DecoderWarnings::~CDicom_DecoderWarnings() { decoderWarning = NULL; }
