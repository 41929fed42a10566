import Imaging

extension Deidentifier {
  /// `date` moved by this patient's shift (`dateShiftDays(for:)`), in the format it came in:
  /// `YYYYMMDD` (DICOM DA) or `YYYY-MM-DD`. Returns an empty string for anything else, since a
  /// value that cannot be shifted must not pass through unchanged.
  public func shiftDate(_ date: String, patient: PatientInfo) -> String {
    let dashed = date.count == 10
    guard let parsed = dashed ? CalendarDate(date) : CalendarDate(dicom: date),
      dashed || date.count == 8
    else { return "" }

    let shifted = parsed.adding(days: dateShiftDays(for: patient))
    return dashed ? shifted.description : shifted.dicom
  }
}
