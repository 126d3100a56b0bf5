/// Facts about Amazon WorkMail and IAM Identity Center that the rules check against (SPEC §1), as data.
public enum ServiceFacts {
    /// `OrganizationId`: `^m-[0-9a-f]{32}$`.
    public static let organizationIdPattern = "^m-[0-9a-f]{32}$"
    /// `IdentityCenterConfiguration.InstanceArn`.
    public static let instanceArnPattern =
        "^arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b):sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}$"
    /// `IdentityCenterConfiguration.ApplicationArn`.
    public static let applicationArnPattern =
        "^arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b):sso::\\d{12}:application/(sso)?ins-[a-zA-Z0-9-.]{16}/apl-[a-zA-Z0-9]{16}$"
    /// Partitions an IdC ARN may name.
    public static let partitions = ["aws", "aws-us-gov", "aws-cn", "aws-iso", "aws-iso-b"]
    public static let authenticationModes = ["IDENTITY_PROVIDER_ONLY", "IDENTITY_PROVIDER_AND_DIRECTORY"]
    public static let personalAccessTokenStatuses = ["ACTIVE", "INACTIVE"]
    /// `PersonalAccessTokenConfiguration.LifetimeInDays`, inclusive, in days.
    public static let lifetimeInDays = 1...3653
    /// `InstanceArn` length bounds, in characters.
    public static let instanceArnLength = 10...1124
    /// `ApplicationArn` length bounds, in characters.
    public static let applicationArnLength = 10...1224
    /// Regions where WorkMail is offered.
    public static let workmailRegions = ["us-east-1", "us-west-2", "eu-west-1"]
    /// Region prefixes and the partition they belong to, most specific first; the rest of
    /// `regionPrefixesOfAWS` are in `aws`.
    public static let partitionByRegionPrefix: [(prefix: String, partition: String)] = [
        ("cn-", "aws-cn"), ("us-gov-", "aws-us-gov"), ("us-isob-", "aws-iso-b"), ("us-iso-", "aws-iso"),
    ]
    /// Region prefixes of the `aws` partition.
    public static let regionPrefixesOfAWS = ["us-", "eu-", "ap-", "sa-", "ca-", "me-", "af-", "il-", "mx-"]
}
