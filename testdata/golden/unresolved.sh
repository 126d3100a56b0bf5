#!/bin/bash
run() {
  aws workmail put-identity-provider-configuration "$@" --organization-id "${ORG_ID}"
}
aws workmail put-identity-provider-configuration --organization-id "$ORG" \
  --authentication-mode "$(cat mode.txt)" \
  --identity-center-configuration "InstanceArn=$INSTANCE,ApplicationArn=$APP" \
  --personal-access-token-configuration Status=ACTIVE
