// Locating native (uncompressed little-endian) Pixel Data inside a file's bytes, so the caller
// can map stored values straight from the bytes it already read instead of having DCMTK copy
// the whole value into its own element first.
#include "CDicomInternal.hpp"

#include <cstring>

#include "dcmtk/dcmdata/dcistrmb.h"

namespace {

const Uint16 bits16 = 16;

// Pixel Data (7FE0,0010) as its tag is written in little-endian order.
const unsigned char pixelDataTag[4] = {0xE0, 0x7F, 0x10, 0x00};

// Bytes of an element header before the value: tag, VR, two reserved bytes and a 32-bit length
// (explicit VR with OB/OW), or tag and a 32-bit length (implicit VR).
const size_t explicitHeaderBytes = 12;
const size_t implicitHeaderBytes = 8;
const size_t lengthBytes = 4;

const uint32_t undefinedLength = 0xFFFFFFFF;

uint32_t littleEndian32(const unsigned char *p) {
  return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

// True when the header in front of the value is Pixel Data with an OB/OW (or implicit) VR.
bool isPixelDataHeader(const unsigned char *header, bool explicitVR) {
  if (std::memcmp(header, pixelDataTag, sizeof pixelDataTag) != 0) return false;
  if (!explicitVR) return true;
  bool otherVR = header[4] == 'O' && (header[5] == 'W' || header[5] == 'B');
  return otherVR && header[6] == 0 && header[7] == 0;
}

}  // namespace

CDicom_Status CDicom_LocateNativePixels(const void *bytes, size_t length, size_t *offset,
                                        size_t *valueLength) {
  CDicom_Initialize();
  *offset = 0;
  *valueLength = 0;

  // DCMTK parses (and so validates) everything before Pixel Data and stops right after that
  // element's length field, leaving the stream at the first byte of the value.
  DcmFileFormat format;
  DcmInputBufferStream stream;
  stream.setBuffer(bytes, offile_off_t(length));
  stream.setEos();
  format.transferInit();
  OFCondition status = format.readUntilTag(stream, EXS_Unknown, EGL_noChange, DCM_MaxReadLength,
                                           DCM_PixelData);
  format.transferEnd();
  if (status.bad()) return CDicom_StatusUnsupported;

  DcmDataset *dataset = format.getDataset();
  E_TransferSyntax xfer = dataset->getOriginalXfer();
  bool explicitVR = xfer == EXS_LittleEndianExplicit;
  if (!explicitVR && xfer != EXS_LittleEndianImplicit) return CDicom_StatusUnsupported;
  Uint16 bitsAllocated = 0;
  if (dataset->findAndGetUint16(DCM_BitsAllocated, bitsAllocated).bad() ||
      bitsAllocated != bits16) {
    return CDicom_StatusUnsupported;
  }

  // Only the plain layout: Pixel Data is the last element and its value runs exactly to the
  // end of the file. Anything else (trailing elements, odd or undefined length, a truncated
  // value) goes through the full DCMTK parse, which reports problems in its own words.
  size_t start = size_t(stream.tell());
  size_t headerBytes = explicitVR ? explicitHeaderBytes : implicitHeaderBytes;
  if (start < headerBytes || start > length) return CDicom_StatusUnsupported;
  const unsigned char *base = static_cast<const unsigned char *>(bytes);
  if (!isPixelDataHeader(base + start - headerBytes, explicitVR)) return CDicom_StatusUnsupported;
  uint32_t declared = littleEndian32(base + start - lengthBytes);
  if (declared == undefinedLength || declared % 2 != 0 || declared != length - start) {
    return CDicom_StatusUnsupported;
  }
  *offset = start;
  *valueLength = declared;
  return CDicom_StatusOK;
}
