import Foundation
import TruceCore
import TruceNews

/// Reads news reports and proposes what they state (``NewsExtractor``): the use case behind `truce ingest-news` and
/// the evaluation, with no printing and no store.
public enum NewsReading {
    /// What the caller states for every report read (see ``ArticleReader/Defaults``).
    public struct Request: Sendable {
        public var files: [String]
        public var defaults: ArticleReader.Defaults

        public init(files: [String], defaults: ArticleReader.Defaults = .init()) {
            self.files = files
            self.defaults = defaults
        }
    }

    /// One file's outcome: its articles' extractions and the records left out, or why the file was refused.
    public struct FileResult: Sendable {
        public var file: String
        public var extractions: [ArticleExtraction] = []
        /// Records of the file left out (a JSON Lines line that is not an article), kept whole with their problems.
        public var rejected: [QuarantinedRecord] = []
        /// The problems of the records left out, each naming file, line and field.
        public var problems: [Diagnostic] { rejected.flatMap(\.problems) }
        /// Why the whole file was refused (unreadable, empty, binary, not UTF-8, no text, no publication time).
        public var refusal: Diagnostic?
    }

    /// Reads and extracts every file; a refused file does not stop the others.
    public static func extract(_ request: Request, gazetteer: Gazetteer = .bundled) -> [FileResult] {
        let reader = ArticleReader(defaults: request.defaults)
        let extractor = NewsExtractor(gazetteer: gazetteer)
        return request.files.map { file in
            var result = FileResult(file: file)
            do {
                let read = try reader.read(file: file)
                result.rejected = read.rejected
                result.extractions = extractInParallel(read.articles, with: extractor)
            } catch let refusal as Diagnostic {
                result.refusal = refusal
            } catch {
                result.refusal = Diagnostic(file: file, line: nil, field: "", message: "\(error)")
            }
            return result
        }
    }

    /// Each article's extraction, in order, worked out on every core (articles are independent).
    static func extractInParallel(_ articles: [Article], with extractor: NewsExtractor) -> [ArticleExtraction] {
        guard articles.count > 1 else { return articles.map(extractor.extract) }
        let results = Results(count: articles.count)
        DispatchQueue.concurrentPerform(iterations: articles.count) { index in results.set(index, extractor.extract(articles[index])) }
        return results.values
    }

    /// Results written by index from several threads, each index once.
    private final class Results: @unchecked Sendable {
        private var slots: [ArticleExtraction?]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: ArticleExtraction) { lock.withLock { slots[index] = value } }
        var values: [ArticleExtraction] { slots.map { $0! } }
    }
}
