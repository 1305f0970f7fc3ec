/// One numbered schema change: statements applied in one transaction and recorded in
/// `schema_migrations`. Statements are separate because the extended protocol runs one at a time.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let statements: [String]

    public init(version: Int, name: String, statements: [String]) {
        self.version = version
        self.name = name
        self.statements = statements
    }
}
