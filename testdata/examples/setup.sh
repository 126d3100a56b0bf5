#!/usr/bin/env bash
# Connect the WorkMail organization to IAM Identity Center.
set -euo pipefail

ORG=m-0123456789abcdef0123456789abcdef

aws workmail put-identity-provider-configuration \
    --organization-id "$ORG" \
    --authentication-mode IDENTITY_PROVIDER_AND_DIRECTORY \
    --identity-center-configuration InstanceArn=arn:aws:sso:::instance/ssoins-1234567890abcdef,ApplicationArn=arn:aws:sso::123456789012:application/ssoins-1234567890abcdef/apl-1234567890abcdef \
    --personal-access-token-configuration 'Status=ACTIVE,LifetimeInDays=thirty'

# The same request, read from a document, with one value replaced.
aws --region us-east-1 workmail put-identity-provider-configuration \
    --cli-input-json file://request.json \
    --authentication-mode IDENTITY_PROVIDER_ONLY \
    --organisation-id m-0123456789abcdef0123456789abcdef
