#!/bin/sh
# Both ARNs are outside the partition of the region: each is reported, in one run.
aws workmail put-identity-provider-configuration --region us-east-1 \
  --organization-id m-0123456789abcdef0123456789abcdef \
  --authentication-mode IDENTITY_PROVIDER_AND_DIRECTORY \
  --identity-center-configuration InstanceArn=arn:aws-us-gov:sso:::instance/ssoins-7907b3c6f1a2d845,ApplicationArn=arn:aws-cn:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058 \
  --personal-access-token-configuration Status=ACTIVE,LifetimeInDays=30
