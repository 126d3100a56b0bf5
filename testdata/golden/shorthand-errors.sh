#!/bin/bash
aws workmail put-identity-provider-configuration --organization-id m-0123456789abcdef0123456789abcdef \
  --authentication-mode IDENTITY_PROVIDER_ONLY \
  --identity-center-configuration "InstanceArn=arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845,ApplicationArn" \
  --personal-access-token-configuration Status=ACTIVE,

aws workmail put-identity-provider-configuration --organization-id m-0123456789abcdef0123456789abcdef \
  --authentication-mode IDENTITY_PROVIDER_ONLY \
  --identity-center-configuration 'InstanceArn=a,ApplicationArn=b,InstanceArn=c' \
  --personal-access-token-configuration 'Status=ACTIVE,LifetimeInDays="3 0"'
