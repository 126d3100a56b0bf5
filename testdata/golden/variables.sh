#!/bin/sh
# Values set once, literally, are checked where they are assigned.
export AWS_REGION=us-east-2
ORG_ID=m-0123456789ABCDEF0123456789abcdef
INSTANCE=arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845
IDC="InstanceArn=$INSTANCE,ApplicationArn=arn:aws:sso::508193746210:application/ssoins-abcdef1234567890/apl-4f1c9e2b7a6d3058"
if [ -n "$PROD" ]; then MODE=IDENTITY_PROVIDER_ONLY; fi
aws workmail put-identity-provider-configuration --organization-id "$ORG_ID" \
  --authentication-mode "${MODE:-identity_provider_only}" --identity-center-configuration "$IDC" \
  --personal-access-token-configuration "Status=ACTIVE,LifetimeInDays=${DAYS:-30}"
