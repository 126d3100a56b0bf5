#!/bin/bash
# JSON arguments inside quoted shell words: positions map back through quotes and escapes.
aws workmail put-identity-provider-configuration --organization-id m-0123456789abcdef0123456789abcdef \
  --authentication-mode IDENTITY_PROVIDER_ONLY \
  --identity-center-configuration '{"InstanceArn": "arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845", "ApplicationArn": 42}' \
  --personal-access-token-configuration "{\"Status\": \"ACTIVE\", \"LifetimeInDays\": \"日本\"}"
