import Foundation
import Testing

/// `--from` and `--to` are the agreement's local days when `--agreement` is given, as its reports count days, and
/// UTC days otherwise; the output says which.
@Suite("local-day filters: --from/--to in the agreement's zone with --agreement, else UTC")
struct LocalDayCLITests {
    /// Three energy strikes near local midnight: one late on 18 March UTC (01:30 on the 19th in Moscow), and two
    /// either side of Kyiv's clock change on 30 March 2025 (02:00 EET → 03:00 EEST at 01:00 UTC).
    static let incidents = """
        id,start,end,time_zone,time_precision,country,admin1,place,latitude,longitude,geo_precision,action,target_category,target_subtype,target_name,perpetrator,claimant,claimant_party,fatalities,injured,description,source_url,source_published
        ld-late-utc,2025-03-18T22:30,,UTC,minute,UA,Kharkiv Oblast,Kharkiv,49.9935,36.2304,locality,drone_strike,energy,power_plant,Kharkiv power plant,RU,Ukrenergo,UA,,,Drones hit a power plant in Kharkiv.,https://example.org/ld-1,2025-03-19
        ld-dst-before,2025-03-29T22:30,,UTC,minute,UA,Kharkiv Oblast,Kharkiv,49.9935,36.2304,locality,drone_strike,energy,power_plant,Kharkiv power plant,RU,Ukrenergo,UA,,,Drones hit a power plant in Kharkiv.,https://example.org/ld-2,2025-03-30
        ld-dst-after,2025-03-30T21:30,,UTC,minute,UA,Kharkiv Oblast,Kharkiv,49.9935,36.2304,locality,drone_strike,energy,power_plant,Kharkiv power plant,RU,Ukrenergo,UA,,,Drones hit a power plant in Kharkiv.,https://example.org/ld-3,2025-03-31

        """

    /// A database with the 2025 catalogue, a copy of the energy moratorium kept in Kyiv time, and the incidents above.
    func loadedDatabase() throws -> String {
        let directory = try CLI.temporaryDirectory()
        let db = directory.appendingPathComponent("t.sqlite").path
        let csv = directory.appendingPathComponent("incidents.csv")
        try Self.incidents.write(to: csv, atomically: true, encoding: .utf8)
        let moratorium = try String(contentsOfFile: "agreements/2025/energy-moratorium-2025.yaml", encoding: .utf8)
        let inKyiv = moratorium.replacingOccurrences(of: "id: energy-moratorium-2025\n", with: "id: kyiv-moratorium\n")
            .replacingOccurrences(of: "\ntime_zone: Europe/Moscow\n", with: "\ntime_zone: Europe/Kyiv\n")
        #expect(inKyiv.contains("id: kyiv-moratorium\n") && inKyiv.contains("\ntime_zone: Europe/Kyiv\n"))
        let kyiv = directory.appendingPathComponent("kyiv-moratorium.yaml")
        try inKyiv.write(to: kyiv, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["agreements", "load", "agreements/2025", "--db", db]).status == 0)
        #expect(try CLI.run(["agreements", "load", kyiv.path, "--db", db]).status == 0)
        #expect(try CLI.run(["incidents", "load", csv.path, "--db", db]).status == 0)
        #expect(try CLI.run(["adjudicate", "--db", db]).status == 0)
        return db
    }

    @Test(
        "verdicts list filters by UTC day: an incident at 22:30Z on 18 March is in the agreement's 19 March in Moscow and listed with its local time")
    func verdictsListFiltersByUTCDay() throws {
        let db = try loadedDatabase()
        let local = try CLI.run([
            "verdicts", "list", "--db", db, "--agreement", "energy-moratorium-2025", "--from", "2025-03-19", "--to", "2025-03-19",
        ])
        #expect(local.status == 0)
        #expect(local.output.contains("ld-late-utc"))
        let header = try #require(local.output.split(separator: "\n").first)
        let localColumn = try #require(header.range(of: "START (Europe/Moscow)"))
        let utcColumn = try #require(header.range(of: "START (UTC)"))
        #expect(header.hasPrefix("EVENT ") && localColumn.upperBound < utcColumn.lowerBound)
        #expect(local.output.contains("2025-03-19 01:30 +03:00  2025-03-18 22:30Z"))
        #expect(local.output.hasSuffix("days are 2025-03-19 to 2025-03-19 in Europe/Moscow (the agreement's zone)\n"))

        let utc = try CLI.run(["verdicts", "list", "--db", db, "--from", "2025-03-19", "--to", "2025-03-19"])
        #expect(utc.status == 0)
        #expect(!utc.output.contains("ld-late-utc"))
        #expect(!utc.output.contains("START (Europe/Moscow)"))
        #expect(utc.output.hasSuffix("days are 2025-03-19 to 2025-03-19 in UTC\n"))

        let json = try CLI.run([
            "verdicts", "list", "--db", db, "--agreement", "energy-moratorium-2025", "--from", "2025-03-19", "--to", "2025-03-19", "--json", "--by",
            "record",
        ])
        let verdicts = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(verdicts.contains { ($0["verdict"] as? [String: Any])?["incident"] as? String == "ld-late-utc" })
    }

    @Test("incidents list --agreement and export --agreement filter by the agreement's local day and say so")
    func incidentsListAndExportByLocalDay() throws {
        let db = try loadedDatabase()
        let local = try CLI.run([
            "incidents", "list", "--db", db, "--agreement", "energy-moratorium-2025", "--from", "2025-03-19", "--to", "2025-03-19",
        ])
        #expect(local.output.contains("ld-late-utc"))
        #expect(local.output.contains("START (Europe/Moscow)"))
        #expect(local.output.hasSuffix("in Europe/Moscow (the agreement's zone)\n"))
        let utc = try CLI.run(["incidents", "list", "--db", db, "--from", "2025-03-19", "--to", "2025-03-19"])
        #expect(!utc.output.contains("ld-late-utc"))
        #expect(utc.output.hasSuffix("days are 2025-03-19 to 2025-03-19 in UTC\n"))

        let exported = try CLI.run([
            "export", "incidents", "--db", db, "--agreement", "energy-moratorium-2025", "--from", "2025-03-19", "--to", "2025-03-19",
        ])
        #expect(exported.status == 0)
        #expect(exported.output.contains("ld-late-utc,2025-03-18T22:30"))
        #expect(exported.errors == "days are 2025-03-19 to 2025-03-19 in Europe/Moscow (the agreement's zone)\n")
        let exportedUTC = try CLI.run(["export", "incidents", "--db", db, "--from", "2025-03-19", "--to", "2025-03-19"])
        #expect(exportedUTC.status == 0 && !exportedUTC.output.contains("ld-late-utc"))
        #expect(exportedUTC.errors == "days are 2025-03-19 to 2025-03-19 in UTC\n")

        let unknown = try CLI.run(["verdicts", "list", "--db", db, "--agreement", "no-such-agreement"])
        #expect(unknown.status == 1 && unknown.errors.contains("--agreement: no agreement with id \"no-such-agreement\""))
    }

    @Test("the day of Kyiv's clock change is 23 hours from local midnight to local midnight, not a fixed offset")
    func daylightSavingDay() throws {
        let db = try loadedDatabase()
        let changeDay = try CLI.run(["incidents", "list", "--db", db, "--agreement", "kyiv-moratorium", "--from", "2025-03-30", "--to", "2025-03-30"])
        #expect(changeDay.status == 0)
        #expect(changeDay.output.contains("ld-dst-before") && changeDay.output.contains("2025-03-30 00:30 +02:00"))
        #expect(!changeDay.output.contains("ld-dst-after"))
        #expect(changeDay.output.hasSuffix("days are 2025-03-30 to 2025-03-30 in Europe/Kyiv (the agreement's zone)\n"))
        let nextDay = try CLI.run(["verdicts", "list", "--db", db, "--agreement", "kyiv-moratorium", "--from", "2025-03-31", "--to", "2025-03-31"])
        #expect(nextDay.output.contains("ld-dst-after") && nextDay.output.contains("2025-03-31 00:30 +03:00"))
        #expect(!nextDay.output.contains("ld-dst-before"))
        let utc = try CLI.run(["incidents", "list", "--db", db, "--from", "2025-03-30", "--to", "2025-03-30"])
        #expect(utc.output.contains("ld-dst-after") && !utc.output.contains("ld-dst-before"))
    }
}
