// DCMTK-backed implementation of CDicomWriter.h. Nothing here prints: DCMTK's own logger is
// routed away from stderr (CDicom_RouteLogging) so that library chatter never reaches the
// tool's stderr.

#include "CDicomWriter.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include "CDicomInternal.hpp"

#include <new>
#include <string>

struct CDicomWriter_Dataset {
  DcmFileFormat file;
  std::string lastError;
};

namespace {

void quietLogger() { CDicom_RouteLogging(); }

int32_t fail(CDicomWriter_Dataset *dataset, const std::string &what, const OFCondition &cond) {
  dataset->lastError = what + ": " + cond.text();
  return CDicomWriter_dcmtkFailure;
}

std::string tagText(uint16_t group, uint16_t element) {
  char buffer[16];
  snprintf(buffer, sizeof buffer, "(%04X,%04X)", group, element);
  return buffer;
}

}  // namespace

extern "C" CDicomWriter_Dataset *CDicomWriter_create(void) {
  quietLogger();
  return new (std::nothrow) CDicomWriter_Dataset();
}

extern "C" void CDicomWriter_destroy(CDicomWriter_Dataset *dataset) { delete dataset; }

extern "C" int32_t CDicomWriter_putString(
    CDicomWriter_Dataset *dataset, uint16_t group, uint16_t element, const char *value) {
  if (dataset == nullptr || value == nullptr) return CDicomWriter_invalidArgument;
  OFCondition cond =
      dataset->file.getDataset()->putAndInsertString(DcmTagKey(group, element), value);
  if (cond.bad()) return fail(dataset, "cannot put " + tagText(group, element), cond);
  return CDicomWriter_ok;
}

extern "C" int32_t CDicomWriter_putUInt16(
    CDicomWriter_Dataset *dataset, uint16_t group, uint16_t element, uint16_t value) {
  if (dataset == nullptr) return CDicomWriter_invalidArgument;
  OFCondition cond =
      dataset->file.getDataset()->putAndInsertUint16(DcmTagKey(group, element), value);
  if (cond.bad()) return fail(dataset, "cannot put " + tagText(group, element), cond);
  return CDicomWriter_ok;
}

extern "C" int32_t CDicomWriter_putPixels16(
    CDicomWriter_Dataset *dataset, const int16_t *pixels, size_t count) {
  if (dataset == nullptr || pixels == nullptr || count == 0) return CDicomWriter_invalidArgument;
  // Pixel Data is OW; the bytes of signed samples are stored unchanged.
  OFCondition cond = dataset->file.getDataset()->putAndInsertUint16Array(
      DCM_PixelData, reinterpret_cast<const Uint16 *>(pixels), static_cast<unsigned long>(count));
  if (cond.bad()) return fail(dataset, "cannot put pixel data", cond);
  return CDicomWriter_ok;
}

extern "C" int32_t CDicomWriter_saveFile(CDicomWriter_Dataset *dataset, const char *path) {
  if (dataset == nullptr || path == nullptr) return CDicomWriter_invalidArgument;
  OFCondition cond = dataset->file.saveFile(
      path, EXS_LittleEndianExplicit, EET_ExplicitLength, EGL_withoutGL, EPD_noChange, 0, 0,
      EWM_fileformat);
  if (cond.bad()) return fail(dataset, std::string("cannot write ") + path, cond);
  return CDicomWriter_ok;
}

extern "C" const char *CDicomWriter_lastError(const CDicomWriter_Dataset *dataset) {
  return dataset == nullptr ? "no data set" : dataset->lastError.c_str();
}
