import Foundation
import Testing
import TruceApp
import TruceCore

/// A monitor's web form read as an observation: local times in their zone with the span their precision gives,
/// regions named in any language, and each mistake named by its field.
@Suite("The submission form's fields as an observation")
struct ObservationFormTests {
    static func object(_ fields: [String: String], evidence: [String] = []) throws -> [String: Any] {
        let data = try ObservationForm(fields: fields).body(evidence: evidence)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func rejected(_ fields: [String: String]) -> IncidentEdits.Rejected? {
        do {
            _ = try ObservationForm(fields: fields).body()
            return nil
        } catch {
            return error as? IncidentEdits.Rejected
        }
    }

    static let kharkiv = [
        "date": "2025-03-22", "time": "03:40", "region": "Харківська", "place": "Kharkiv", "latitude": "49,98", "longitude": "36.25",
        "action": "drone_strike", "target_category": "energy", "target_subtype": "substation", "party": "RU",
        "attributed_by": "Kharkiv city officials", "injured": "1", "description": "Two drones hit the substation.",
    ]

    @Test("a minute in Kyiv's summer time becomes its UTC span; a region named in Ukrainian gives its English name and country")
    func minuteInKyiv() throws {
        let object = try Self.object(Self.kharkiv, evidence: ["ab12"])
        let time = try #require(object["time"] as? [String: Any])
        let span = try #require(time["span"] as? [String: String])
        // 22 March 2025 is before Kyiv moves its clocks (30 March): UTC+2.
        #expect(span == ["start": "2025-03-22T01:40:00Z", "end": "2025-03-22T01:41:00Z"])
        #expect(time["precision"] as? String == "minute" && time["timeZone"] as? String == "Europe/Kyiv")
        let location = try #require(object["location"] as? [String: Any])
        #expect(
            location["country"] as? String == "UA" && location["admin1"] as? String == "Kharkiv" && location["precision"] as? String == "locality")
        #expect((location["coordinate"] as? [String: Double]) == ["latitude": 49.98, "longitude": 36.25])
        #expect((object["perpetrator"] as? [String: String]) == ["party": "RU", "attributedBy": "Kharkiv city officials"])
        #expect((object["effects"] as? [String: Int]) == ["injured": 1] && object["evidence"] as? [String] == ["ab12"])
        #expect(try ObservationForm(fields: Self.kharkiv).body() == ObservationForm(fields: Self.kharkiv).body(), "the same form, the same bytes")
    }

    @Test("a day or a week spans the local days from midnight; an hour its clock hour")
    func coarserSpans() throws {
        func span(_ precision: String, time: String? = "15:25") throws -> [String: String]? {
            var fields = Self.kharkiv
            fields["time_precision"] = precision
            fields["date"] = "2025-07-10"
            fields["time"] = time
            return (try Self.object(fields)["time"] as? [String: Any])?["span"] as? [String: String]
        }
        #expect(try span("hour") == ["start": "2025-07-10T12:00:00Z", "end": "2025-07-10T13:00:00Z"])
        #expect(try span("day") == ["start": "2025-07-09T21:00:00Z", "end": "2025-07-10T21:00:00Z"])
        #expect(try span("week") == ["start": "2025-07-09T21:00:00Z", "end": "2025-07-16T21:00:00Z"])
        #expect(try span("minute", time: nil) == ["start": "2025-07-09T21:00:00Z", "end": "2025-07-10T21:00:00Z"], "no time: the day")
    }

    @Test("each mistake names its field: a missing time, an unknown region, one coordinate, a foreign subtype, a bad count")
    func mistakesNameTheirField() {
        func without(_ field: String) -> [String: String] { Self.kharkiv.filter { $0.key != field } }
        func with(_ field: String, _ value: String) -> [String: String] { Self.kharkiv.merging([field: value]) { $1 } }
        #expect(Self.rejected(without("date"))?.field == "date")
        #expect(Self.rejected(with("date", "2025-02-30"))?.field == "date")
        #expect(Self.rejected(with("time", "25:10"))?.field == "time")
        #expect(Self.rejected(with("region", "Atlantis"))?.field == "region")
        #expect(Self.rejected(with("country", "RU"))?.field == "region", "Kharkiv does not lie in Russia")
        #expect(Self.rejected(without("longitude"))?.field == "longitude")
        #expect(Self.rejected(with("latitude", "95"))?.field == "latitude")
        #expect(Self.rejected(with("target_subtype", "hospital"))?.field == "target_subtype")
        #expect(Self.rejected(with("injured", "-1"))?.field == "injured")
        #expect(Self.rejected(with("action", "bombing"))?.field == "action")
        #expect(Self.rejected(with("zone", "Mars/Olympus"))?.field == "zone")
        #expect(Self.rejected(["date": "2025-03-22", "time": "03:40"])?.field == "country", "a place is required")
    }
}
