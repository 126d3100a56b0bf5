#!/bin/sh
# Both ARNs are outside the partition of the region: each is reported, in one run.
aws workmail put-identity-provider-configuration --region us-east-1 \
  --organization-id m-0123456789abcdef0123456789abcdef \
  --authentication-mode IDENTITY_PROVIDER_AND_DIRECTORY \
  --identity-center-configuration InstanceArn=arn:aws-us-gov:sso:::instance/ssoins-1234567890abcdef,ApplicationArn=arn:aws-cn:sso::123456789012:application/ssoins-1234567890abcdef/apl-1234567890abcdef \
  --personal-access-token-configuration Status=ACTIVE,LifetimeInDays=30
