import Foundation
import Testing
import TruceCore
import TruceIngest
import TruceReport
import TruceTestSupport

/// Cells of every CSV export as a spreadsheet would read them.
func csvCells(_ text: String) -> [[String]] {
    CSVReader(bytes: Array(text.utf8)).compactMap {
        if case .record(let record) = $0 { return record.fields }
        return nil
    }
}

@Suite("CSV formula injection")
struct SpreadsheetCellTests {
    @Test(
        "cells a spreadsheet would run get one leading quote; plain negative numbers stay numbers",
        arguments: [
            ("=HYPERLINK(\"http://evil.example\",\"x\")", "'=HYPERLINK(\"http://evil.example\",\"x\")"),
            ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"), ("@SUM(A1:A9)", "'@SUM(A1:A9)"), ("-2+3", "'-2+3"),
            ("\tleading tab", "'\tleading tab"), ("\rleading CR", "'\rleading CR"), ("'=already quoted", "''=already quoted"),
            ("''@twice", "'''@twice"), ("-", "'-"), ("-1.", "'-1."), ("-.5", "'-.5"), ("-1e", "'-1e"),
            ("-33.5", "-33.5"), ("-1", "-1"), ("-1e-05", "-1e-05"), ("-7.25E+3", "-7.25E+3"), ("36.2304", "36.2304"),
            ("plain text", "plain text"), ("'quoted text", "'quoted text"), ("'", "'"), ("", ""), ("a=b", "a=b"),
        ])
    func neutralises(cell: String, written: String) {
        #expect(SpreadsheetCell.neutralised(cell) == written)
        #expect(SpreadsheetCell.restored(written) == cell)
    }

    @Test("random cells: restoring a neutralised cell gives it back, and none starts a formula unless it is a plain number")
    func neutraliseRestoreIsIdentity() {
        var random = SeededGenerator(seed: 0x7275_6365)
        // Weighted towards the characters the rule looks at, so most cells are edge cases.
        let alphabet: [Character] = [
            "'", "'", "'", "=", "+", "-", "-", "@", "\t", "\r", "\n", "0", "1", "9", ".", "e", "E", "a", " ", "\"", ",", "ж", "😀",
        ]
        var neutralisedCount = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...6, using: &random)
            let cell = String((0..<length).map { _ in alphabet.randomElement(using: &random)! })
            let written = SpreadsheetCell.neutralised(cell)
            #expect(SpreadsheetCell.restored(written) == cell, "\(cell.debugDescription)")
            if let first = written.unicodeScalars.first, SpreadsheetCell.formulaStarts.contains(first) {
                #expect(SpreadsheetCell.isPlainNumber(written), "\(written.debugDescription)")
            }
            if written != cell { neutralisedCount += 1 }
        }
        #expect(neutralisedCount > 1_000)
    }

    @Test("every cell of the incidents and claims CSV exports is neutralised")
    func exportsNeutralise() throws {
        let incidents = try TruceCSVFormat().read(bytes: Array(HostileFixtures.truceCSV.utf8), file: "hostile.csv").incidents
        #expect(incidents.count == HostileFixtures.truceCSVRows)
        let claims = incidents.flatMap { incident in incident.claims.map { (incident: incident, claim: $0) } }
        for text in [try TruceCSVExport.layout.text(of: incidents), try ExportFormat.csv.claims.text(of: claims)] {
            let cells = csvCells(text).flatMap { $0 }
            #expect(cells.contains { $0.hasPrefix("'=") } && cells.contains { $0.hasPrefix("'@") })
            for cell in cells {
                if let first = cell.unicodeScalars.first, SpreadsheetCell.formulaStarts.contains(first) {
                    #expect(SpreadsheetCell.isPlainNumber(cell), "\(cell.debugDescription)")
                }
            }
        }
    }
}
