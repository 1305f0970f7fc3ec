/// What is wrong with one field of a tool's arguments (API.md error `details`).
public struct ArgumentProblem: Sendable, Hashable {
    public var field: String
    public var problem: String

    public init(_ field: String, _ problem: String) {
        self.field = field
        self.problem = problem
    }
}

/// A tool's arguments failed validation; every problem found is listed.
public struct ToolArgumentError: Error, Sendable {
    public var problems: [ArgumentProblem]
    public init(_ problems: [ArgumentProblem]) { self.problems = problems }
}
