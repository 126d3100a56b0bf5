public import WMLintSource

/// Where a piece of context (a region, an account) came from, for messages and locations.
public struct ContextOrigin: Hashable, Sendable {
    /// How the user set it, for notes: "--region", "AWS_REGION", "--endpoint-url", "wmlint --region",
    /// ".wmlint.yaml".
    public var description: String
    /// The file and bytes where it is written, when it is written in the linted input; `nil` for wmlint's own
    /// flags and configuration (diagnostics then anchor at the request).
    public var path: String?
    public var range: SourceRange?

    public init(description: String, path: String? = nil, range: SourceRange? = nil) {
        self.description = description
        self.path = path
        self.range = range
    }
}

/// A value of the context with its origin.
public struct ContextValue: Hashable, Sendable {
    public var value: String
    public var origin: ContextOrigin

    public init(value: String, origin: ContextOrigin) {
        self.value = value
        self.origin = origin
    }
}

/// Configured policy bounds; a rule whose policy is not configured does not fire.
public struct Policy: Hashable, Sendable {
    /// Inclusive bounds on `LifetimeInDays`, in days.
    public var minimumLifetimeDays: Int?
    public var maximumLifetimeDays: Int?
    /// The authentication modes allowed.
    public var authenticationModes: [String]?

    public init(minimumLifetimeDays: Int? = nil, maximumLifetimeDays: Int? = nil, authenticationModes: [String]? = nil)
    {
        self.minimumLifetimeDays = minimumLifetimeDays
        self.maximumLifetimeDays = maximumLifetimeDays
        self.authenticationModes = authenticationModes
    }
}

/// What the checks know besides the request.
public struct RuleContext: Hashable, Sendable {
    /// The resolved region, first found: `--region`, `AWS_REGION`/`AWS_DEFAULT_REGION`, `--endpoint-url`,
    /// wmlint's `--region`, the configuration.
    public var region: ContextValue?
    /// The region named by `--endpoint-url` (`workmail.REGION.amazonaws.com`), with the bytes of that part.
    public var endpointRegion: ContextValue?
    /// The expected account: wmlint's `--account-id`, else the configuration's.
    public var accountID: ContextValue?
    public var policy: Policy
    /// Where a diagnostic about context that is not written in the input goes: the operation name in a command,
    /// the document's first key.
    public var anchorPath: String
    public var anchorRange: SourceRange

    public init(
        region: ContextValue? = nil, endpointRegion: ContextValue? = nil, accountID: ContextValue? = nil,
        policy: Policy = Policy(), anchorPath: String, anchorRange: SourceRange
    ) {
        self.region = region
        self.endpointRegion = endpointRegion
        self.accountID = accountID
        self.policy = policy
        self.anchorPath = anchorPath
        self.anchorRange = anchorRange
    }

    /// The place to report a context value: where it is written (`isWritten`), else the anchor.
    func place(of value: ContextValue) -> (path: String, range: SourceRange, isWritten: Bool) {
        if let path = value.origin.path, let range = value.origin.range {
            return (path, range, true)
        }
        return (anchorPath, anchorRange, false)
    }
}
