#!/usr/bin/env bash
# Connect the WorkMail organization to IAM Identity Center.
set -euo pipefail

ORG=m-0123456789abcdef0123456789abcdef

aws workmail put-identity-provider-configuration \
    --organization-id "$ORG" \
    --authentication-mode IDENTITY_PROVIDER_AND_DIRECTORY \
    --identity-center-configuration InstanceArn=arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845,ApplicationArn=arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058 \
    --personal-access-token-configuration 'Status=ACTIVE,LifetimeInDays=thirty'

# The same request, read from a document, with one value replaced.
aws --region us-east-1 workmail put-identity-provider-configuration \
    --cli-input-json file://request.json \
    --authentication-mode IDENTITY_PROVIDER_ONLY \
    --organisation-id m-0123456789abcdef0123456789abcdef
