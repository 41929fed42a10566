// The TID 1500 Measurement Report writer (dcmsr/cmr) behind the CDicomObjects_Report
// functions.

#include "CDicomObjectsSupport.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmsr/cmr/tid1500.h>
#include <dcmtk/dcmsr/dsrdoc.h>

using namespace cdicomobjects;

struct CDicomObjects_Report {
  TID1500_MeasurementReport report{CMR_CID7021::ImagingMeasurementReport};
};

namespace {

DSRCodedEntryValue coded(const CDicomObjects_Code &code) {
  return DSRCodedEntryValue(code.value, code.scheme, code.meaning);
}

CID244e_Laterality lateralityOf(const CDicomObjects_Code *code) {
  return code == nullptr ? CID244e_Laterality() : CID244e_Laterality(coded(*code));
}

}  // namespace

// MARK: Measurement report

CDicomObjects_Report *CDicomObjects_ReportCreate(const char *deviceObserverUID,
                                                 const char *deviceObserverName,
                                                 CDicomObjects_Code procedure, char *error,
                                                 size_t errorSize) {
  silenceLogging();
  CDicomObjects_Report *handle = new CDicomObjects_Report();
  TID1500_MeasurementReport &report = handle->report;
  OFCondition status = report.setLanguage(CID5000_Languages::English);
  if (status.good()) {
    status = report.getObservationContext().addDeviceObserver(deviceObserverUID,
                                                              deviceObserverName);
  }
  if (status.good()) {
    status = report.addProcedureReported(
        CID100_QuantitativeDiagnosticImagingProcedures(coded(procedure)));
  }
  if (status.good() && !report.getImageLibrary().hasImageLibrary()) {
    status = report.getImageLibrary().createNewImageLibrary();
  }
  if (status.good()) status = report.getImageLibrary().addImageGroup();
  if (status.bad()) {
    delete handle;
    fail(error, errorSize, "cannot create measurement report", status);
    return nullptr;
  }
  return handle;
}

void CDicomObjects_ReportFree(CDicomObjects_Report *report) { delete report; }

int CDicomObjects_ReportAddImage(CDicomObjects_Report *report, const char *sopClassUID,
                                 const char *sopInstanceUID, const char *modality,
                                 char *error, size_t errorSize) {
  DcmItem image;
  image.putAndInsertString(DCM_SOPClassUID, sopClassUID);
  image.putAndInsertString(DCM_SOPInstanceUID, sopInstanceUID);
  image.putAndInsertString(DCM_Modality, modality);
  OFCondition status = report->report.getImageLibrary().addImageEntry(
      image, TID1600_ImageLibrary::withoutDescriptors);
  if (status.bad()) return fail(error, errorSize, "cannot add image library entry", status);
  return 0;
}

int CDicomObjects_ReportAddGroup(CDicomObjects_Report *report, const char *trackingID,
                                 const char *trackingUID, CDicomObjects_Code finding,
                                 CDicomObjects_Code findingSite,
                                 const CDicomObjects_Code *laterality,
                                 const char *segmentationSOPClassUID,
                                 const char *segmentationSOPInstanceUID, uint16_t segmentNumber,
                                 const char *sourceSeriesUID, char *error, size_t errorSize) {
  TID1500_MeasurementReport &root = report->report;
  OFCondition status =
      root.hasVolumetricROIMeasurements() ? root.addVolumetricROIMeasurements(OFFalse) : EC_Normal;
  CMR_TID1411_in_TID1500 &group = root.getVolumetricROIMeasurements();
  if (status.good()) status = group.setTrackingIdentifier(trackingID);
  if (status.good()) status = group.setTrackingUniqueIdentifier(trackingUID);
  if (status.good()) status = group.setFinding(coded(finding));
  if (status.good()) status = group.addFindingSite(coded(findingSite), lateralityOf(laterality));
  DSRImageReferenceValue segment(segmentationSOPClassUID, segmentationSOPInstanceUID);
  segment.getSegmentList().addItem(segmentNumber);
  if (status.good()) status = group.setReferencedSegment(segment);
  if (status.good()) status = group.setSourceSeriesForSegmentation(sourceSeriesUID);
  if (status.bad()) return fail(error, errorSize, "cannot add measurement group", status);
  return 0;
}

int CDicomObjects_ReportAddMeasurement(CDicomObjects_Report *report, CDicomObjects_Code concept,
                                       const char *value, CDicomObjects_Code unit,
                                       const CDicomObjects_Code *derivation, char *error,
                                       size_t errorSize) {
  CMR_TID1411_in_TID1500 &group = report->report.getVolumetricROIMeasurements();
  CMR_TID1411_in_TID1500::MeasurementValue measured(
      value, CID7181_AbstractMultiDimensionalImageModelComponentUnits(coded(unit)));
  OFCondition status = group.addMeasurement(
      CID7469_GenericIntensityAndSizeMeasurements(coded(concept)), measured, OFFalse);
  if (status.good() && derivation != nullptr) {
    status = group.getMeasurement().setDerivation(
        CID7464_GeneralRegionOfInterestMeasurementModifiers(coded(*derivation)));
  }
  if (status.bad()) return fail(error, errorSize, "cannot add measurement", status);
  return 0;
}

int CDicomObjects_ReportAddStudyGroup(CDicomObjects_Report *report, const char *trackingID,
                                      const char *trackingUID, CDicomObjects_Code finding,
                                      CDicomObjects_Code findingSite, char *error,
                                      size_t errorSize) {
  TID1500_MeasurementReport &root = report->report;
  OFCondition status =
      root.hasIndividualMeasurements() ? root.addIndividualMeasurements(OFFalse) : EC_Normal;
  CMR_TID1501_in_TID1500 &group = root.getIndividualMeasurements();
  if (status.good()) status = group.setTrackingIdentifier(trackingID);
  if (status.good()) status = group.setTrackingUniqueIdentifier(trackingUID);
  if (status.good()) status = group.setFinding(coded(finding));
  if (status.good()) status = group.addFindingSite(coded(findingSite));
  if (status.bad()) return fail(error, errorSize, "cannot add study measurement group", status);
  return 0;
}

int CDicomObjects_ReportAddStudyMeasurement(CDicomObjects_Report *report,
                                            CDicomObjects_Code concept, const char *value,
                                            CDicomObjects_Code unit, char *error,
                                            size_t errorSize) {
  CMR_TID1501_in_TID1500 &group = report->report.getIndividualMeasurements();
  CMR_TID1501_in_TID1500::MeasurementValue measured(
      value, CID7181_AbstractMultiDimensionalImageModelComponentUnits(coded(unit)));
  OFCondition status = group.addMeasurement(
      CID7469_GenericIntensityAndSizeMeasurements(coded(concept)), measured, OFFalse);
  if (status.bad()) return fail(error, errorSize, "cannot add study measurement", status);
  return 0;
}

int CDicomObjects_ReportWriteFile(CDicomObjects_Report *report,
                                  const CDicomObjects_Attributes *common, const char *path,
                                  char *error, size_t errorSize) {
  DSRDocument document(DSRTypes::DT_EnhancedSR);
  OFCondition status = document.setTreeFromRootTemplate(report->report, OFTrue);
  if (status.bad()) return fail(error, errorSize, "cannot build the SR content tree", status);

  DcmDataset dataset;
  status = document.write(dataset);
  if (status.bad()) return fail(error, errorSize, "cannot encode the SR document", status);
  status = overlay(common->dataset, dataset);
  if (status.bad()) return fail(error, errorSize, "cannot apply common attributes", status);
  return saveDataset(dataset, path, error, errorSize);
}
