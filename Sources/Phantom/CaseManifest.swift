/// A case manifest (`ctcase.case/1`, see README): the studies and the clinical timeline.
public struct CaseManifest: Sendable, Codable, Equatable {
  public var schema = "ctcase.case/1"
  public var title: String
  public var synthetic: Bool
  public var patient: Patient
  public var onsetDate: String
  public var studies: [Study]
  public var events: [Event]
  public var template: String
  public var rules: String

  enum CodingKeys: String, CodingKey {
    case schema, title, synthetic, patient, studies, events, template, rules
    case onsetDate = "onset_date"
  }

  /// The (fictional) patient.
  public struct Patient: Sendable, Codable, Equatable {
    public var name: String
    public var id: String
    public var sex: String
    public var age: String
    public var birthDate: String

    enum CodingKeys: String, CodingKey {
      case name, id, sex, age
      case birthDate = "birth_date"
    }
  }

  /// One study: a folder relative to the manifest.
  public struct Study: Sendable, Codable, Equatable {
    public var path: String
    public var date: String
    public var label: String
  }

  /// One dated clinical event.
  public struct Event: Sendable, Codable, Equatable {
    public var date: String
    public var kind: String
    public var result: String?
    public var text: String
  }
}
