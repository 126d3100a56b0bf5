#!/bin/bash
# Several findings: a fix, a related location, a warning, an info-free run of options.
aws workmail put-identity-provider-configuration \
  --organization "$ORG_ID" \
  --authentication-mode IDENTITY_PROVIDER_ONLY --authentication-mode identity_provider_only \
  --identity-center-configuration InstanceArn=arn:aws:sso:::instance/ssoins-1234567890abcdef,ApplicationArn=arn:aws:sso::123456789012:application/ssoins-1234567890abcdef/apl-1234567890abcdef,Colour=red \
  --personal-access-token-configuration Status=INACTIVE,LifetimeInDays=30 \
  --organisation-idd x
