import Foundation
import HTTPTypes
import Hummingbird
import Logging
import TruceApp
import TruceStore

/// Turns every error a route throws into problem details: Truce's typed errors by kind, Hummingbird's
/// `HTTPError` by status, and anything else into a 500 whose detail says nothing of its cause. What the client
/// is not told is logged with the request id.
struct ProblemResponder: RouterMiddleware {
    typealias Context = TruceRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Self.problem(for: error, logger: context.logger)
            return problem.response(instance: request.uri.path, requestID: context.requestID)
        }
    }

    /// The problem `error` stands for.
    static func problem(for error: any Error, logger: Logger) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let notFound as NotFound:
            return Problem(.notFound, detail: notFound.description)
        case let failure as Failure:
            logger.error("use case failed", metadata: ["error": .string(failure.message), "details": .string(failure.details ?? "")])
            switch failure.kind {
            case .invalidInput: return Problem(.badRequest, detail: "The request's input cannot be used.")
            case .storeFailure: return Problem(.storeUnavailable, detail: "The store cannot be read right now; try again later.")
            }
        case let storeError as StoreError:
            logger.error("store failed", metadata: ["error": .string(storeError.description), "details": .string(storeError.details)])
            return Problem(.storeUnavailable, detail: "The store cannot be read right now; try again later.")
        case let http as HTTPError:
            return problem(for: http)
        default:
            logger.error("request failed", metadata: ["error": .string(String(reflecting: error))])
            return Problem(.internal, detail: "The server could not answer this request; quote its request id when reporting it.")
        }
    }

    private static func problem(for error: HTTPError) -> Problem {
        let detail = error.body ?? error.status.reasonPhrase
        switch error.status {
        case .notFound: return Problem(.notFound, detail: "No resource at this path.")
        case .methodNotAllowed: return Problem(.methodNotAllowed, detail: "This path is read with GET.")
        case .contentTooLarge: return Problem(.payloadTooLarge, detail: detail)
        case .notAcceptable: return Problem(.notAcceptable, detail: detail)
        default:
            return error.status.code < 500
                ? Problem(.badRequest, detail: detail) : Problem(.internal, detail: "The server could not answer this request.")
        }
    }
}
