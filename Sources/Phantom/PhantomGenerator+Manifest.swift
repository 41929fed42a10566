import Imaging

extension PhantomGenerator {
  /// The case manifest for this phantom; study paths are `<prefix>ct-YYYY-MM-DD`.
  ///
  /// The timeline follows the early-alert course: contact with an imported case four days before
  /// onset, fever and cough at onset, a first nucleic-acid test negative on the day of the first
  /// CT, isolation after the CT alert, a positive test two days later.
  public func caseManifest(studyPathPrefix: String) -> CaseManifest {
    let onset = PhantomGenerator.onsetDate
    let day = { (offset: Int) in PhantomGenerator.onsetDay.adding(days: offset).description }
    let studies = (0..<studyCount).map { n in
      CaseManifest.Study(
        path: studyPathPrefix + studyFolderName(index: n), date: studyDate(index: n),
        label: "CT \(n + 1)")
    }
    let first = preset.studyDays[0]
    let events = [
      CaseManifest.Event(
        date: day(-4), kind: "contact", result: nil,
        text: "Contact with an imported case (fictional)"),
      CaseManifest.Event(
        date: onset, kind: "symptom_onset", result: nil, text: "Fever 37.6 C, dry cough"),
      CaseManifest.Event(
        date: day(first), kind: "nucleic_acid_test", result: "negative",
        text: "RT-PCR throat swab"),
      CaseManifest.Event(
        date: day(first + 1), kind: "isolation", result: nil, text: "Isolated after CT alert"),
      CaseManifest.Event(
        date: day(first + 2), kind: "nucleic_acid_test", result: "positive",
        text: "RT-PCR throat swab, repeated"),
    ]
    return CaseManifest(
      title: preset.title, synthetic: true,
      patient: CaseManifest.Patient(
        name: preset.patientName, id: "SYN-\(seed)", sex: SyntheticPatient.sex,
        age: SyntheticPatient.age, birthDate: SyntheticPatient.birthDate),
      onsetDate: onset, studies: studies, events: events, template: "standard",
      rules: "covid-alerts")
  }
}
