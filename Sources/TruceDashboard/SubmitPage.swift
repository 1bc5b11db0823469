import Foundation
import TruceApp
import TruceCore
import TruceIngest

/// What the submission form is rendered with: the fields as last typed (empty for a new form), why they were
/// refused when they were, and the idempotency key the form is sent under (kept while the form is corrected, so that
/// a form sent twice makes one observation).
public struct SubmitFormState: Sendable {
    public var idempotencyKey: String
    public var fields: [String: String]
    /// The field at fault and why, after a refused submission.
    public var refusal: (field: String, message: String)?

    public init(idempotencyKey: String, fields: [String: String] = [:], refusal: (field: String, message: String)? = nil) {
        self.idempotencyKey = idempotencyKey
        self.fields = fields
        self.refusal = refusal
    }
}

extension Dashboard {
    /// The countries a monitor chooses between, first the belligerents of the bundled agreements.
    static let submitCountries = ["UA", "RU"]
    static let submitZones = ["Europe/Kyiv", "Europe/Moscow", "UTC"]

    /// The form a monitor submits an observation with: usable on a phone, with every field labelled, and sent as
    /// `multipart/form-data` to `/submit`, evidence files included. Its script (`/assets/submit.js`) keeps a form
    /// made offline on the device and sends it when the connection returns; without the script, the form posts as is.
    public func submitPage(_ state: SubmitFormState, for request: PageRequest) throws -> String {
        let language = request.language
        let values = state.fields
        func options<Value: RawRepresentable>(_ all: [Value], _ field: String, prefix: String, blank: Bool = true) -> [Option]
        where Value.RawValue == String {
            (blank ? [Option(value: "", label: label("submit_unknown", language), selected: (values[field] ?? "").isEmpty)] : [])
                + all.map { Option(value: $0.rawValue, label: label("\(prefix)\($0.rawValue)", language), selected: values[field] == $0.rawValue) }
        }
        let categories = TargetCategory.allCases.filter { !$0.knownSubtypes.isEmpty }.map { category in
            Group(
                label: label("cat_\(category.rawValue)", language),
                options: category.knownSubtypes.map {
                    Option(value: $0, label: label("sub_\($0)", language), selected: values["target_subtype"] == $0)
                })
        }
        let regions = Regions.codes.filter { code in Self.submitCountries.contains(where: code.hasPrefix) }.compactMap { code in
            PlaceNames.name(of: code, in: language)
        }.sorted()
        let zone = values["zone"] ?? "Europe/Kyiv"
        let content = SubmitContent(
            key: state.idempotencyKey, values: values,
            refusal: state.refusal.map { Refusal(field: $0.field, message: $0.message) },
            timePrecisions: options(ObservationForm.timePrecisions, "time_precision", prefix: "tp_", blank: false),
            geoPrecisions: options(ObservationForm.geoPrecisions, "geo_precision", prefix: "gp_"),
            actions: options(ActionType.allCases, "action", prefix: "act_"),
            outcomes: options(Outcome.allCases, "outcome", prefix: "result_"),
            categories: options(TargetCategory.allCases, "target_category", prefix: "cat_"),
            subtypes: categories,
            countries: Self.submitCountries.map { Option(value: $0, label: $0, selected: (values["country"] ?? "UA") == $0) },
            parties: [Option(value: "", label: label("submit_unknown", language), selected: (values["party"] ?? "").isEmpty)]
                + Self.submitCountries.map { Option(value: $0, label: $0, selected: values["party"] == $0) },
            zones: Self.submitZones.map { Option(value: $0, label: $0, selected: zone == $0) }, regions: regions,
            accept: EvidenceKind.allCases.map(\.mediaType).joined(separator: ","))
        return try render("submit", title: label("submit_title", language), content: content, for: request)
    }

    struct Group {
        var label: String
        var options: [Option]
    }

    struct Refusal {
        var field: String
        var message: String
    }

    struct SubmitContent {
        var key: String
        var values: [String: String]
        var refusal: Refusal?
        var timePrecisions: [Option]
        var geoPrecisions: [Option]
        var actions: [Option]
        var outcomes: [Option]
        var categories: [Option]
        var subtypes: [Group]
        var countries: [Option]
        var parties: [Option]
        var zones: [Option]
        var regions: [String]
        var accept: String
    }
}
