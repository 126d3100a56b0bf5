#!/bin/bash
# Several findings: a fix, a related location, a warning, an info-free run of options.
aws workmail put-identity-provider-configuration \
  --organization "$ORG_ID" \
  --authentication-mode IDENTITY_PROVIDER_ONLY --authentication-mode identity_provider_only \
  --identity-center-configuration InstanceArn=arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845,ApplicationArn=arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058,Colour=red \
  --personal-access-token-configuration Status=INACTIVE,LifetimeInDays=30 \
  --organisation-idd x
