import Foundation
import Testing
import TruceApp

@Suite("Bundled files through the resource bundle, in-process")
struct BundledTests {
    @Test("the catalogue, the examples, the actor table and the outlines are found through the resource bundle")
    func shippedFilesAreFound() throws {
        let catalogue = try Bundled.path(Bundled.catalogue)
        #expect(catalogue.contains("Truce_TruceBundledData.resources"), "\(catalogue)")
        let files = try FileManager.default.contentsOfDirectory(atPath: catalogue).filter { $0.hasSuffix(".yaml") }
        #expect(files.count == 6, "\(files)")
        for relative in [Bundled.actorTable, Bundled.countryOutlines, Bundled.seaOutlines, Bundled.exampleIncidents, Bundled.acledSample] {
            let path = try #require(Bundled.find(relative), "\(relative)")
            #expect(FileManager.default.isReadableFile(atPath: path), "\(path)")
            #expect(!path.hasPrefix(FileManager.default.currentDirectoryPath + "/" + relative), "\(relative) read from the bundle, not the checkout")
        }
    }

    @Test("a file the bundle does not hold is named in the error, with the bundle it should ship in")
    func missingFileIsNamed() throws {
        #expect(Bundled.find("agreements/1999") == nil)
        let error = try #require(throws: MissingBundledFile.self) { try Bundled.path("agreements/1999") }
        #expect(error.relative == "agreements/1999")
        #expect(error.description.contains("agreements/1999") && error.description.contains("Truce_TruceBundledData.resources"), "\(error)")
    }

    @Test("the demo's files default to the shipped ones, shown by their names in the checkout")
    func demoFilesDefaultToShippedOnes() throws {
        let files = try Demo.files()
        #expect(files.catalogue.name == "agreements/2025")
        #expect(files.incidents.name == "examples/2025/incidents.csv")
        #expect(files.acled.name == "examples/2025/acled-format-sample.csv")
        #expect(files.catalogue.path == (try Bundled.path(Bundled.catalogue)))
        let given = try Demo.files(catalogue: "mine")
        #expect(given.catalogue.path == "mine" && given.catalogue.name == "mine")
    }
}
