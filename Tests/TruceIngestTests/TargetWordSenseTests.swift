import Foundation
import Testing
import TruceCore

@testable import TruceIngest

/// One phrase and the target subtype it must give (`nil`: no target at all).
struct TargetPhrase: CustomTestStringConvertible, Sendable {
    let text: String
    let subtype: String?
    var testDescription: String { "\"\(text)\" → \(subtype ?? "no target")" }
}

@Suite("Target words count only where the text says something was done to them")
struct TargetWordSenseTests {
    /// Headlines and notes: a category word needs a hostile-act word beside it. The English phrases are
    /// headlines of the UCDP GED Ukraine file and ACLED notes.
    static let reports: [TargetPhrase] = [
        // English: struck.
        .init(text: "One dead as hospital hit in central Donetsk shelling", subtype: "hospital"),
        .init(text: "Civilian killed as mortar shell hits hospital in eastern Ukraine", subtype: "hospital"),
        .init(text: "Hospital shelled in east Ukraine as calls mount for truce", subtype: "hospital"),
        .init(
            text: "Ukraine, rebels trade blame over shelling of central Donetsk;Three killed, hospital shelled in east Ukraine", subtype: "hospital"),
        .init(text: "Shells hit school playground and nearby street in Ukraine city, 4 killed - eyewitnesses", subtype: "school"),
        .init(text: "Two killed, power station hit in Ukraine violence", subtype: "power_plant"),
        .init(text: "Civilian killed, water pumping station damaged in shelling in east Ukraine", subtype: "pumping_station"),
        .init(text: "Kiev's forces attack DPR 45 times in one week, damaging 29 houses", subtype: "residential"),
        .init(text: "On 20 March 2025, Russian drones hit a substation in Kryvyi Rih, cutting power", subtype: "substation"),
        // English: another sense.
        .init(text: "33y.o. Hero of Ukraine Oleksandr Petrakivsky died in hospital Aug 29, 2021", subtype: nil),
        .init(text: "Woman dies in hospital in Donetsk after shelling by Ukrainian troops - agency", subtype: nil),
        .init(text: "Euromaidan Press @EuromaidanPress · May 9;Two wounded Ukrainian soldiers die in hospital", subtype: nil),
        .init(text: "30y.o. Oleksiy Kaydanovych died from wounds in hospital on Aug 10, 2021.", subtype: nil),
        .init(
            text: "Five dead as Ukraine police launch assault on protesters;One more Ukrainian protester dies of wounds in hospital: official",
            subtype: nil),
        .init(text: "Soldier wounded by sniper fire was taken to hospital", subtype: nil),
        .init(text: "Two civilians hospitalised after shelling of Avdiivka", subtype: nil),
        .init(text: "Civilian wounded, two militiamen killed in DPR since beginning of \"school year\" truce", subtype: nil),
        .init(text: "Ukrainian troops violate \"school year\" truce 37 times over past week - LPR people's militia", subtype: nil),
        .init(text: "One Ukrainian soldier killed, another two wounded in past day amid \"back-to-school\" truce", subtype: nil),
        .init(text: "Shelling resumes despite school-year truce", subtype: nil),
        .init(text: "Three schoolboys killed by mine in east Ukraine", subtype: nil),
        .init(text: "Ukrainian forces surround rebel-held port city", subtype: nil),
        .init(text: "Three rebels dead as clashes intensify near key Ukrainian port", subtype: nil),
        .init(text: "Artillery fire near the port city of Mariupol", subtype: nil),
        .init(text: "Shelling reported outside the White House of the city administration", subtype: nil),
        .init(text: "Fighting near the railway bridge over the Seversky Donets River", subtype: nil),
        .init(text: "a warehouse fire", subtype: nil),
        // Ukrainian: struck.
        .init(text: "Удар по лікарні в Херсоні", subtype: "hospital"),
        .init(text: "Окупанти обстріляли лікарню в Херсоні", subtype: "hospital"),
        .init(text: "Ракета влучила в школу у Харкові", subtype: "school"),
        .init(text: "Внаслідок обстрілу пошкоджено житловий будинок", subtype: "residential"),
        .init(text: "удар по підстанції", subtype: "substation"),
        .init(text: "пожежа на нафтобазі", subtype: "oil_storage"),
        // Ukrainian: another sense.
        .init(text: "Поранений військовий помер у лікарні", subtype: nil),
        .init(text: "У лікарні помер ще один поранений", subtype: nil),
        .init(text: "Після обстрілу пораненого доставили до лікарні", subtype: nil),
        .init(text: "Бої точилися біля школи", subtype: nil),
        .init(text: "Обстріл біля лікарні", subtype: nil),
        .init(text: "Перемир'я на початок шкільного року порушено", subtype: nil),
        .init(text: "обстріл транспорту", subtype: nil),
        // Russian: struck.
        .init(text: "Удар по больнице в Донецке", subtype: "hospital"),
        .init(text: "ВСУ обстреляли больницу в Горловке", subtype: "hospital"),
        .init(text: "Снаряд попал в школу", subtype: "school"),
        .init(text: "атака на НПЗ", subtype: "refinery"),
        .init(text: "В результате обстрела повреждена подстанция", subtype: "substation"),
        // Russian: another sense.
        .init(text: "Раненый скончался в больнице", subtype: nil),
        .init(text: "После обстрела его доставили в больницу", subtype: nil),
        .init(text: "Двое школьников погибли при обстреле", subtype: nil),
        .init(text: "Обстрел возле школы", subtype: nil),
        .init(text: "Перемирие к учебному году: школьный год начался", subtype: nil),
    ]

    /// Place descriptions (UCDP's `where_description`): the place of the act names a target unless it is only a
    /// landmark or has another sense.
    static let places: [TargetPhrase] = [
        .init(text: "a thermal power plant in the town of Shchastya, Luhansk region", subtype: "power_plant"),
        .init(text: "a pumping station of the Siverskyy Donets-Donbass canal", subtype: "pumping_station"),
        .init(text: "on the bridge near Debaltseve", subtype: "bridge"),
        .init(text: "at a railway crossing in Lutugino, Luhansk region", subtype: "rail"),
        .init(text: "near a dam near the village of Opytne (Yasinovatsky district) near Donetsk", subtype: nil),
        .init(text: "near the village of Pavlopil close to the Kiev-controlled port city of Mariupol", subtype: nil),
        .init(text: "\"died while being transported to the Artemivsk City Hospital.\" - probably injured nearby Artemivsk city.", subtype: nil),
        .init(text: "near the railway bridge over the Seversky Donets River (Lisichansk district, Donetsk region)", subtype: nil),
        .init(text: "Mandrykino town; at a checkpoint near Donetsk on a bypass road near the Mandrikin railway station", subtype: nil),
        .init(text: "біля лікарні", subtype: nil),
        .init(text: "возле школы № 5", subtype: nil),
    ]

    @Test("a report names a target only where it says the target was struck", arguments: reports)
    func report(phrase: TargetPhrase) {
        #expect(TargetKeywords.target(in: phrase.text)?.subtype == phrase.subtype)
        #expect((TargetKeywords.target(in: phrase.text) != nil) == (phrase.subtype != nil))
    }

    @Test("a place description names a target unless it is a landmark or has another sense", arguments: places)
    func place(phrase: TargetPhrase) {
        #expect(TargetKeywords.target(atPlace: phrase.text)?.subtype == phrase.subtype)
        #expect((TargetKeywords.target(atPlace: phrase.text) != nil) == (phrase.subtype != nil))
    }

    @Test("a report needs a hostile-act word: a bare place mention is no target")
    func bareMention() {
        #expect(TargetKeywords.target(in: "Ukraine Right Sector gunmen at hospital") == nil)
        #expect(TargetKeywords.target(atPlace: "Ukraine Right Sector gunmen at hospital")?.subtype == "hospital")
    }

    @Test("the most specific struck target wins over a less specific one in another sense")
    func specificity() {
        #expect(TargetKeywords.target(in: "Soldier died in hospital after a drone hit a substation")?.subtype == "substation")
        #expect(TargetKeywords.target(in: "Shelling damaged a school; a wounded man died in hospital")?.subtype == "school")
    }
}

@Suite("Target words on the real UCDP GED file", .enabled(if: SharedData.available, SharedData.absentReason))
struct TargetWordSenseSharedDataTests {
    /// Rows whose headline says someone died in, or was taken to, a hospital, or whose hospital is a landmark:
    /// each was once tagged `hospital`.
    static let notStruck = [
        "147997",  // "One more Ukrainian protester dies of wounds in hospital: official"
        "154042",  // "Ukraine Right Sector gunmen kill wounded servicemen at hospital"
        "414811",  // "33y.o. Hero of Ukraine Oleksandr Petrakivsky died in hospital Aug 29, 2021"
        "429992",  // "died while being transported to the Artemivsk City Hospital."
        "304045",  // "Woman dies in hospital in Donetsk after shelling by Ukrainian troops - agency"
        "401599", "401598",  // "Two wounded Ukrainian soldiers die in hospital"
        "413664",  // "30y.o. Oleksiy Kaydanovych died from wounds in hospital on Aug 10, 2021."
        "425446",  // "21y.o. Ihor Tychyna died in Kharkiv hospital on Jan 1, 2022."
    ]

    /// Rows whose headline says a hospital was hit or shelled, checked by hand.
    static let struck = ["155005", "155282", "203337", "203335", "204940", "204941", "204942"]

    @Test("no UCDP row is tagged hospital because someone died in one; hospitals hit or shelled still are")
    func hospitals() throws {
        let url = SharedData.directory.appendingPathComponent("ucdp/ucdp_ged_ukraine_hdx_2014-2021.csv")
        let table = try ActorTable(
            csv: String(contentsOf: Fixtures.repository.appendingPathComponent("data/actors.csv"), encoding: .utf8), file: "actors.csv")
        let batch = try UCDPFormat(actors: table).read(bytes: Array(Data(contentsOf: url)), file: url.path)
        let hospitals = Set(batch.incidents.filter { $0.target.subtype == "hospital" }.map(\.id))
        #expect(hospitals == Set(Self.struck.map { "ucdp:\($0)" }))
        for key in Self.notStruck {
            let incident = try #require(batch.incidents.first { $0.id == "ucdp:\(key)" })
            #expect(incident.target.subtype != "hospital", "\(key): \(incident.sources[0]["source_headline"] ?? "")")
        }
        let schoolYear = batch.incidents.filter { ($0.sources[0]["source_headline"] ?? "").contains("\"school year\" truce") }
        #expect(schoolYear.count == 2 && schoolYear.allSatisfy { $0.target.subtype == nil })
        #expect(!batch.incidents.contains { $0.target.category == .port })
    }
}
