extension OperationShape {
    /// The covered operation `aws workmail put-identity-provider-configuration`, whose request has its own, more
    /// precise model (``OperationModel``).
    public var isPutIdentityProviderConfiguration: Bool { cliName == OperationModel.operation }

    /// The operation's own options, as the AWS CLI builds its argument table: one per input member, named
    /// `--kebab-case` (a boolean member has `--name` and `--no-name`), the paging options of a paginated
    /// operation, then `--cli-input-json`, `--cli-input-yaml` and `--generate-cli-skeleton`.
    public var options: [OptionSpec] {
        if isPutIdentityProviderConfiguration { return CommandOptions.operation }
        return OperationOptions.table[cliName] ?? OperationOptions.options(of: self)
    }

    /// The option that sets input member `member` (`--identity-provider-user-id`); for a boolean, the one that
    /// sets it true.
    public static func optionName(of member: String) -> String {
        OperationModel.optionName(of: member)
    }

    /// The shape of top-level input member `name`, matched by code points.
    public func member(_ name: String) -> ShapeNode? {
        input.member(name)
    }

    /// The required top-level members, in model order.
    public var required: [String] {
        if case .structure(_, let required) = input.kind { return required }
        return []
    }
}

/// The option tables of the covered operations, built once.
enum OperationOptions {
    static let table: [String: [OptionSpec]] = {
        var table: [String: [OptionSpec]] = [:]
        for operation in OperationShape.all { table[operation.cliName] = options(of: operation) }
        return table
    }()

    static func options(of operation: OperationShape) -> [OptionSpec] {
        var options: [OptionSpec] = []
        for member in operation.input.members {
            let name = OperationShape.optionName(of: member.name)
            switch member.shape.kind {
            case .boolean:
                options.append(OptionSpec(name, .flag, parameter: member.name, isGlobal: false, flagValue: true))
                options.append(
                    OptionSpec(
                        "--no-" + name.dropFirst(2), .flag, parameter: member.name, isGlobal: false, flagValue: false))
            case .integer:
                options.append(OptionSpec(name, .value, isInteger: true, parameter: member.name, isGlobal: false))
            default:
                options.append(OptionSpec(name, .value, parameter: member.name, isGlobal: false))
            }
        }
        if operation.pagination != nil {
            options.append(
                OptionSpec(PagingOption.startingToken.rawValue, .value, isGlobal: false, paging: .startingToken))
            options.append(
                OptionSpec(PagingOption.pageSize.rawValue, .value, isInteger: true, isGlobal: false, paging: .pageSize))
            options.append(
                OptionSpec(PagingOption.maxItems.rawValue, .value, isInteger: true, isGlobal: false, paging: .maxItems))
        }
        options += [
            OptionSpec(CommandOptions.cliInputJSON, .value, isGlobal: false),
            OptionSpec(CommandOptions.cliInputYAML, .value, isGlobal: false),
            OptionSpec(
                CommandOptions.generateSkeleton, .optionalValue, choices: ["input", "yaml-input", "output"],
                isGlobal: false),
        ]
        return options
    }
}

extension OperationModel {
    /// `put-identity-provider-configuration` among the covered operations.
    public static let shape = OperationShape(
        cliName: operation, apiName: "PutIdentityProviderConfiguration",
        input: GeneratedShapes.putIdentityProviderConfigurationRequest)
}
