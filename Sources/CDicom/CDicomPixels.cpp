// Pixel decoding for the CDicom shim: DCMTK for every transfer syntax it has a codec for,
// GDCM (through OpenJPEG) for JPEG 2000, which open-source DCMTK cannot decode.
#include "CDicomInternal.hpp"

#include <cstring>
#include <vector>

#include <gdcm-3.0/gdcmImage.h>
#include <gdcm-3.0/gdcmImageReader.h>

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

CDicom_Status decodeWithGDCM(const CDicom_File *file, unsigned short bitsAllocated,
                             uint16_t *destination, size_t count, char *error,
                             size_t errorLength) {
  gdcm::ImageReader reader;
  reader.SetFileName(file->path.c_str());
  if (!reader.Read()) {
    CDicom_SetError(error, errorLength, "GDCM cannot read the JPEG 2000 image");
    return CDicom_StatusDecodeFailed;
  }
  const gdcm::Image &image = reader.GetImage();
  std::vector<char> buffer(image.GetBufferLength());
  if (buffer.empty() || !image.GetBuffer(buffer.data())) {
    CDicom_SetError(error, errorLength, "GDCM cannot decode the JPEG 2000 pixel data");
    return CDicom_StatusDecodeFailed;
  }
  return copySamples(buffer.data(), buffer.size(), bitsAllocated, destination, count, error,
                     errorLength);
}

CDicom_Status decodeWithDCMTK(DcmDataset *dataset, unsigned short bitsAllocated,
                              uint16_t *destination, size_t count, char *error,
                              size_t errorLength) {
  if (dataset->chooseRepresentation(EXS_LittleEndianExplicit, NULL).bad() ||
      !dataset->canWriteXfer(EXS_LittleEndianExplicit)) {
    CDicom_SetError(error, errorLength,
                    std::string("cannot decode pixel data in transfer syntax ") +
                        DcmXfer(dataset->getOriginalXfer()).getXferName());
    return CDicom_StatusDecodeFailed;
  }
  DcmElement *element = NULL;
  if (dataset->findAndGetElement(DCM_PixelData, element).bad() || element == NULL) {
    CDicom_SetError(error, errorLength, "Pixel Data (7FE0,0010) is missing");
    return CDicom_StatusDecodeFailed;
  }
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
    return decodeWithGDCM(file, bitsAllocated, destination, count, error, errorLength);
  }
  return decodeWithDCMTK(dataset, bitsAllocated, destination, count, error, errorLength);
}
