import Foundation
import Testing
import TruceCore
import TruceIngest

@Suite("Agreement YAML round trip and the 2025 catalogue")
struct AgreementRoundTripTests {
    @Test("the full example reads with every key")
    func fullExampleReads() throws {
        let result = AgreementReader.read(yaml: try Fixtures.text("agreement-full.yaml"), file: "agreement-full.yaml")
        #expect(result.diagnostics.isEmpty)
        let agreement = try #require(result.agreement)
        #expect(agreement.kind == .local)
        #expect(agreement.partyWindows.first?.timeZone?.rawValue == "UTC+02:00")
        #expect(agreement.scope.include.map(\.kind) == [.country, .region, .sea, .polygon])
        #expect(agreement.scope.include[3].ring.count == 5)
        #expect(agreement.conditions[1].text == "123")
        #expect(agreement.statusHistory[1].at.utcOffset == 7200)
        #expect(agreement.window.end == .after(CalendarDuration(days: 1, hours: 12)))
    }

    @Test("load, write, load gives an equal agreement")
    func fullExampleRoundTrips() throws {
        let first = try #require(AgreementReader.read(yaml: try Fixtures.text("agreement-full.yaml"), file: "agreement-full.yaml").agreement)
        let written = try AgreementWriter.yaml(for: first)
        let again = AgreementReader.read(yaml: written, file: "agreement-full.yaml")
        #expect(again.diagnostics.isEmpty, "\(again.diagnostics)\n\(written)")
        #expect(again.agreement == first)
        #expect(try AgreementWriter.yaml(for: #require(again.agreement)) == written)
    }

    static let catalogue = Fixtures.repository.appendingPathComponent("agreements/2025").path

    @Test("the 2025 catalogue validates without errors or warnings")
    func catalogueValidates() {
        let catalog = AgreementCatalog.read(paths: [Self.catalogue])
        #expect(catalog.diagnostics.isEmpty, "\(catalog.diagnostics)")
        #expect(catalog.agreements.count == 6)
    }

    @Test("every catalogue agreement round-trips through YAML")
    func catalogueRoundTrips() throws {
        for agreement in AgreementCatalog.read(paths: [Self.catalogue]).agreements {
            let written = try AgreementWriter.yaml(for: agreement)
            #expect(AgreementReader.read(yaml: written, file: "\(agreement.id).yaml").agreement == agreement, "\(agreement.id)")
        }
    }

    @Test("the catalogue's windows: the Easter truce from 18:00 Moscow time on 19 April to 00:00 on 21 April")
    func easterTruceWindow() throws {
        let easter = try #require(AgreementCatalog.read(paths: [Self.catalogue]).agreements.first { $0.id == "easter-truce-2025" })
        let span = try #require(easter.span)
        #expect(span.start == ISO8601DateFormatter().date(from: "2025-04-19T15:00:00Z"))
        #expect(span.end == ISO8601DateFormatter().date(from: "2025-04-20T21:00:00Z"))
        #expect(easter.kind == .unilateral)
    }

    @Test("the energy moratorium: Russia counts from 18 March, Ukraine from 25 March")
    func moratoriumStartIsDisputed() throws {
        let moratorium = try #require(AgreementCatalog.read(paths: [Self.catalogue]).agreements.first { $0.id == "energy-moratorium-2025" })
        let russia = try #require(moratorium.span(for: "RU"))
        let ukraine = try #require(moratorium.span(for: "UA"))
        #expect(ZoneIdentifier.utc.calendar.component(.day, from: russia.start) == 18)
        #expect(ukraine.start == ISO8601DateFormatter().date(from: "2025-03-24T22:00:00Z"))
        #expect(moratorium.clauses.contains { $0.kind == .reciprocity })
        #expect(moratorium.scope.covers(category: .energy, subtype: "substation") == true)
        #expect(moratorium.scope.covers(category: .transport, subtype: "fuel_station") == false)
    }
}
