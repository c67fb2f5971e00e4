#!/bin/bash
# After-remove script of the Clearline .deb: undoes deb-after-install.sh (both commands'
# links and the AppArmor profile). The data folders in the users' homes are left alone:
# they hold the sites' encrypted databases. Names in dollar-braces are electron-builder's
# macros, filled in when it packages this file; shell variables are written $name.

app_dir='/opt/${sanitizedProductName}'

unlink_command() {
    name=$1
    target=$2
    if type update-alternatives >/dev/null 2>&1; then
        update-alternatives --remove "$name" "$target"
    else
        rm -f "/usr/bin/$name"
    fi
}

unlink_command '${executable}' "$app_dir/${executable}"
unlink_command clearline "$app_dir/resources/clearline"

profile='/etc/apparmor.d/${executable}'
if [ -f "$profile" ]; then
    if apparmor_status --enabled > /dev/null 2>&1; then
        if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
            apparmor_parser --remove "$profile" || true
        fi
    fi
    rm -f "$profile"
fi
