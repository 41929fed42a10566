// Pixel decoding for the CDicom shim: DCMTK for every transfer syntax it has a codec for,
// GDCM (through OpenJPEG) for JPEG 2000, which open-source DCMTK cannot decode. GDCM lives in
// its own shared library, loaded on the first JPEG 2000 image (see CJpeg2000.h).
#include "CDicomInternal.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <vector>

// Only the header: CDicom must not link the decoder, it loads it (no target dependency).
#include "../CJpeg2000/include/CJpeg2000.h"

namespace {

const unsigned short bitsPerByte = 8;
const unsigned short bits16 = 16;

bool isJPEG2000(E_TransferSyntax xfer) {
  return xfer == EXS_JPEG2000LosslessOnly || xfer == EXS_JPEG2000 ||
         xfer == EXS_JPEG2000MulticomponentLosslessOnly || xfer == EXS_JPEG2000Multicomponent;
}

std::string sizeMessage(size_t got, size_t expected) {
  return "decoded pixel data holds " + std::to_string(got) + " samples, header says " +
         std::to_string(expected);
}

// Copies 8- or 16-bit samples into the destination as uint16.
CDicom_Status copySamples(const void *source, size_t byteCount, unsigned short bitsAllocated,
                          uint16_t *destination, size_t count, char *error, size_t errorLength) {
  size_t bytesPerSample = bitsAllocated / bitsPerByte;
  if (bytesPerSample == 0 || byteCount / bytesPerSample < count) {
    CDicom_SetError(error, errorLength,
                    sizeMessage(bytesPerSample ? byteCount / bytesPerSample : 0, count));
    return CDicom_StatusDecodeFailed;
  }
  if (bitsAllocated == bits16) {
    std::memcpy(destination, source, count * sizeof(uint16_t));
  } else {
    const uint8_t *bytes = static_cast<const uint8_t *>(source);
    for (size_t i = 0; i < count; i++) destination[i] = bytes[i];
  }
  return CDicom_StatusOK;
}

// The JPEG 2000 decoder library: first next to the binary this code is linked into (the
// ctcase executable or the test runner, both in the build folder beside the library), then
// wherever the dynamic loader's search path finds it. Loaded once; never unloaded.
struct Jpeg2000Plugin {
  CJpeg2000_DecodeFunction decode = NULL;
  std::string problem;
};

Jpeg2000Plugin loadJpeg2000Plugin() {
  Jpeg2000Plugin plugin;
  std::vector<std::string> candidates;
  std::string folder;
  Dl_info self;
  if (dladdr(reinterpret_cast<void *>(&loadJpeg2000Plugin), &self) != 0 && self.dli_fname) {
    std::string binary(self.dli_fname);
    size_t slash = binary.rfind('/');
    if (slash != std::string::npos) {
      folder = binary.substr(0, slash + 1);
      candidates.push_back(folder + CJPEG2000_LIBRARY_NAME);
    }
  }
  candidates.push_back(CJPEG2000_LIBRARY_NAME);

  for (const std::string &candidate : candidates) {
    void *library = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) continue;
    void *symbol = dlsym(library, CJPEG2000_DECODE_SYMBOL);
    if (symbol != NULL) {
      plugin.decode = reinterpret_cast<CJpeg2000_DecodeFunction>(symbol);
      return plugin;
    }
  }
  plugin.problem = std::string("the JPEG 2000 decoder ") + CJPEG2000_LIBRARY_NAME +
                   " is neither in " + (folder.empty() ? "the executable's folder" : folder) +
                   " nor on the library path (`swift build` builds it beside ctcase)";
  return plugin;
}

CDicom_Status decodeWithJpeg2000Plugin(const CDicom_File *file, unsigned short bitsAllocated,
                                       uint16_t *destination, size_t count, char *error,
                                       size_t errorLength) {
  static std::once_flag loadOnce;
  static Jpeg2000Plugin plugin;
  std::call_once(loadOnce, [] { plugin = loadJpeg2000Plugin(); });

  if (plugin.decode == NULL) {
    CDicom_SetError(error, errorLength, plugin.problem);
    return CDicom_StatusUnsupported;
  }
  void *pixels = NULL;
  size_t byteCount = 0;
  if (plugin.decode(file->path.c_str(), &pixels, &byteCount, error, errorLength) != 0) {
    return CDicom_StatusDecodeFailed;
  }
  CDicom_Status status =
      copySamples(pixels, byteCount, bitsAllocated, destination, count, error, errorLength);
  std::free(pixels);
  return status;
}

// Brings the dataset to uncompressed little endian and finds its Pixel Data element. A decoder
// that warns (damaged data it filled in) fails the decode with its warning.
CDicom_Status uncompressedPixelData(DcmDataset *dataset, DcmElement *&element, char *error,
                                    size_t errorLength) {
  CDicom_DecoderWarnings warnings;
  bool decoded = dataset->chooseRepresentation(EXS_LittleEndianExplicit, NULL).good() &&
                 dataset->canWriteXfer(EXS_LittleEndianExplicit);
  if (!decoded || !warnings.first.empty()) {
    std::string syntax = DcmXfer(dataset->getOriginalXfer()).getXferName();
    CDicom_SetError(error, errorLength,
                    (decoded ? "damaged compressed data in transfer syntax "
                             : "cannot decode pixel data in transfer syntax ") +
                        syntax + (warnings.first.empty() ? "" : " (" + warnings.first + ")"));
    return CDicom_StatusDecodeFailed;
  }
  element = NULL;
  if (dataset->findAndGetElement(DCM_PixelData, element).bad() || element == NULL) {
    CDicom_SetError(error, errorLength, "Pixel Data (7FE0,0010) is missing");
    return CDicom_StatusDecodeFailed;
  }
  return CDicom_StatusOK;
}

CDicom_Status decodeWithDCMTK(DcmDataset *dataset, unsigned short bitsAllocated,
                              uint16_t *destination, size_t count, char *error,
                              size_t errorLength) {
  DcmElement *element = NULL;
  CDicom_Status status = uncompressedPixelData(dataset, element, error, errorLength);
  if (status != CDicom_StatusOK) return status;
  if (bitsAllocated == bits16 && element->getVR() == EVR_OW) {
    Uint16 *words = NULL;
    if (element->getUint16Array(words).bad() || words == NULL) {
      CDicom_SetError(error, errorLength, "cannot read Pixel Data as 16-bit words");
      return CDicom_StatusDecodeFailed;
    }
    return copySamples(words, element->getLength(), bitsAllocated, destination, count, error,
                       errorLength);
  }
  Uint8 *bytes = NULL;
  if (element->getUint8Array(bytes).bad() || bytes == NULL) {
    CDicom_SetError(error, errorLength, "cannot read Pixel Data bytes");
    return CDicom_StatusDecodeFailed;
  }
  return copySamples(bytes, element->getLength(), bitsAllocated, destination, count, error,
                     errorLength);
}

}  // namespace

CDicom_Status CDicom_BorrowPixels(CDicom_File *file, const uint16_t **samples, size_t *count,
                                  char *error, size_t errorLength) {
  *samples = NULL;
  *count = 0;
  DcmDataset *dataset = file->format.getDataset();
  Uint16 bitsAllocated = 0;
  dataset->findAndGetUint16(DCM_BitsAllocated, bitsAllocated);
  if (file->headerOnly || bitsAllocated != bits16 || isJPEG2000(dataset->getOriginalXfer())) {
    CDicom_SetError(error, errorLength, "pixel data cannot be borrowed; decode a copy");
    return CDicom_StatusUnsupported;
  }
  DcmElement *element = NULL;
  CDicom_Status status = uncompressedPixelData(dataset, element, error, errorLength);
  if (status != CDicom_StatusOK) return status;
  Uint16 *words = NULL;
  if (element->getVR() != EVR_OW || element->getUint16Array(words).bad() || words == NULL) {
    CDicom_SetError(error, errorLength, "pixel data is not 16-bit words; decode a copy");
    return CDicom_StatusUnsupported;
  }
  *samples = words;
  *count = element->getLength() / sizeof(Uint16);
  return CDicom_StatusOK;
}

CDicom_Status CDicom_DecodePixels(CDicom_File *file, uint16_t *destination, size_t count,
                                  char *error, size_t errorLength) {
  if (file->headerOnly) {
    CDicom_SetError(error, errorLength, "file was opened without its pixel data");
    return CDicom_StatusUnsupported;
  }
  DcmDataset *dataset = file->format.getDataset();
  Uint16 bitsAllocated = 0;
  dataset->findAndGetUint16(DCM_BitsAllocated, bitsAllocated);
  if (bitsAllocated != bits16 && bitsAllocated != bitsPerByte) {
    CDicom_SetError(error, errorLength,
                    "Bits Allocated is " + std::to_string(bitsAllocated) + ", expected 8 or 16");
    return CDicom_StatusUnsupported;
  }
  if (isJPEG2000(dataset->getOriginalXfer())) {
    return decodeWithJpeg2000Plugin(file, bitsAllocated, destination, count, error,
                                    errorLength);
  }
  return decodeWithDCMTK(dataset, bitsAllocated, destination, count, error, errorLength);
}
