// Reading side of the CDicom shim: initialisation, loading, text values and sequences.
#include "CDicomInternal.hpp"

#include <cstdio>
#include <cstring>
#include <mutex>

#include "dcmtk/dcmdata/dcistrmb.h"
#include "dcmtk/dcmdata/dcrledrg.h"
#include "dcmtk/dcmjpeg/djdecode.h"
#include "dcmtk/dcmjpls/djdecode.h"


namespace {

std::once_flag initializeOnce;

// DICOM part 10: a 128-byte preamble, then the magic "DICM".
const long preambleLength = 128;
const size_t magicLength = 4;

const uint16_t metaGroup = 0x0002;
const uint16_t identifyingGroup = 0x0008;

DcmTagKey tagKey(uint32_t tag) { return DcmTagKey(uint16_t(tag >> 16), uint16_t(tag & 0xFFFF)); }

// Walks the sequence part of a path; returns the item holding the last tag, or NULL.
DcmItem *itemAtPath(const CDicom_File *file, const uint32_t *tags, const int32_t *items,
                    int depth) {
  DcmItem *item = const_cast<DcmFileFormat &>(file->format).getDataset();
  for (int i = 0; i + 1 < depth && item != NULL; i++) {
    DcmItem *next = NULL;
    if (item->findAndGetSequenceItem(tagKey(tags[i]), next, items[i]).bad()) return NULL;
    item = next;
  }
  return item;
}

// Records the transfer syntax and (when asked) converts text to UTF-8 after a load.
void finishOpen(CDicom_File *result, bool convertText) {
  DcmDataset *dataset = result->format.getDataset();
  DcmXfer xfer(dataset->getOriginalXfer());
  OFString metaUID;
  if (result->format.getMetaInfo()->findAndGetOFString(DCM_TransferSyntaxUID, metaUID).good()) {
    result->transferSyntaxUID = metaUID.c_str();
  } else if (xfer.getXfer() != EXS_Unknown) {
    result->transferSyntaxUID = xfer.getXferID();
  }
  result->charsetConverted = convertText && dataset->convertToUTF8().good();
}

}  // namespace

void CDicom_SetError(char *error, size_t errorLength, const std::string &message) {
  if (error == NULL || errorLength == 0) return;
  std::snprintf(error, errorLength, "%s", message.c_str());
}

void CDicom_Initialize(void) {
  std::call_once(initializeOnce, [] {
    // The tool reports problems itself; the libraries' own stderr chatter would break the
    // one-line-per-problem rule. Decoder warnings are kept to refuse damaged pixel data.
    CDicom_RouteLogging();
    DJDecoderRegistration::registerCodecs();
    DJLSDecoderRegistration::registerCodecs();
    DcmRLEDecoderRegistration::registerCodecs();
  });
}

int CDicom_LooksLikeDicom(const char *path) {
  FILE *f = std::fopen(path, "rb");
  if (f == NULL) return 0;
  unsigned char head[preambleLength + magicLength];
  size_t got = std::fread(head, 1, sizeof head, f);
  std::fclose(f);
  if (got == sizeof head && std::memcmp(head + preambleLength, "DICM", magicLength) == 0) {
    return 1;
  }
  if (got < magicLength) return 0;
  // No preamble: accept a raw dataset only if it begins with a plausible first group.
  uint16_t group = uint16_t(head[0] | (head[1] << 8));
  uint16_t element = uint16_t(head[2] | (head[3] << 8));
  return (group == metaGroup || group == identifyingGroup) && element < 0x0100 ? 1 : 0;
}

CDicom_Status CDicom_Open(const char *path, int headerOnly, CDicom_File **file, char *error,
                          size_t errorLength) {
  CDicom_Initialize();
  *file = NULL;
  if (!CDicom_LooksLikeDicom(path)) {
    CDicom_SetError(error, errorLength, "not a DICOM file (no DICM marker, no DICOM header)");
    return CDicom_StatusNotDicom;
  }

  CDicom_File *result = new CDicom_File();
  result->path = path;
  result->headerOnly = headerOnly != 0;
  OFCondition status =
      headerOnly ? result->format.loadFileUntilTag(path, EXS_Unknown, EGL_noChange,
                                                   DCM_MaxReadLength, ERM_autoDetect,
                                                   DCM_PixelData)
                 : result->format.loadFile(path);
  if (status.bad()) {
    CDicom_SetError(error, errorLength, std::string("cannot parse DICOM: ") + status.text());
    delete result;
    return CDicom_StatusReadFailed;
  }

  finishOpen(result, true);
  *file = result;
  return CDicom_StatusOK;
}

CDicom_Status CDicom_OpenBuffer(const void *bytes, size_t length, const char *path,
                                CDicom_File **file, char *error, size_t errorLength) {
  CDicom_Initialize();
  *file = NULL;
  const unsigned char *head = static_cast<const unsigned char *>(bytes);
  bool magic = length >= preambleLength + magicLength &&
               std::memcmp(head + preambleLength, "DICM", magicLength) == 0;
  if (!magic && !CDicom_LooksLikeDicom(path)) {
    CDicom_SetError(error, errorLength, "not a DICOM file (no DICM marker, no DICOM header)");
    return CDicom_StatusNotDicom;
  }

  CDicom_File *result = new CDicom_File();
  result->path = path;
  result->headerOnly = false;
  DcmInputBufferStream stream;
  stream.setBuffer(bytes, offile_off_t(length));
  stream.setEos();
  result->format.transferInit();
  OFCondition status = result->format.read(stream);
  result->format.transferEnd();
  if (status.bad()) {
    CDicom_SetError(error, errorLength, std::string("cannot parse DICOM: ") + status.text());
    delete result;
    return CDicom_StatusReadFailed;
  }
  finishOpen(result, false);
  *file = result;
  return CDicom_StatusOK;
}


void CDicom_Close(CDicom_File *file) { delete file; }

const char *CDicom_TransferSyntaxUID(const CDicom_File *file) {
  return file->transferSyntaxUID.c_str();
}

int CDicom_CharsetConverted(const CDicom_File *file) { return file->charsetConverted ? 1 : 0; }

long CDicom_GetString(const CDicom_File *file, const uint32_t *tags, const int32_t *items,
                      int depth, char *buffer, size_t bufferLength) {
  if (depth < 1) return -1;
  DcmItem *item = itemAtPath(file, tags, items, depth);
  if (item == NULL) return -1;
  OFString value;
  if (item->findAndGetOFStringArray(tagKey(tags[depth - 1]), value).bad()) return -1;
  if (buffer != NULL && bufferLength > 0) {
    size_t n = value.length() < bufferLength - 1 ? value.length() : bufferLength - 1;
    std::memcpy(buffer, value.c_str(), n);
    buffer[n] = 0;
  }
  return long(value.length());
}

long CDicom_SequenceCount(const CDicom_File *file, const uint32_t *tags, const int32_t *items,
                          int depth) {
  if (depth < 1) return -1;
  DcmItem *item = itemAtPath(file, tags, items, depth);
  if (item == NULL) return -1;
  DcmSequenceOfItems *sequence = NULL;
  if (item->findAndGetSequence(tagKey(tags[depth - 1]), sequence).bad() || sequence == NULL) {
    return -1;
  }
  return long(sequence->card());
}
