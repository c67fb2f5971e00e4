#!/bin/bash
# After-install script of the Clearline .deb. It replaces electron-builder's default one,
# so it repeats its steps (the /usr/bin link of the app, chrome-sandbox, desktop and MIME
# databases, the AppArmor profile) and adds /usr/bin/clearline, the CLI launcher.
# electron-builder fills in its macros (dollar, braces: the executable's name and the
# product's folder under /opt) when it packages this file, and refuses any other name
# written that way, so shell variables are written $name, without braces.

app_dir='/opt/${sanitizedProductName}'

link_command() {
    name=$1
    target=$2
    if type update-alternatives >/dev/null 2>&1; then
        # Remove an earlier plain link, which update-alternatives would refuse to replace.
        if [ -L "/usr/bin/$name" ] && [ "$(readlink "/usr/bin/$name")" != "/etc/alternatives/$name" ]; then
            rm -f "/usr/bin/$name"
        fi
        update-alternatives --install "/usr/bin/$name" "$name" "$target" 100 || ln -sf "$target" "/usr/bin/$name"
    else
        ln -sf "$target" "/usr/bin/$name"
    fi
}

link_command '${executable}' "$app_dir/${executable}"
chmod 0755 "$app_dir/resources/clearline" || true
link_command clearline "$app_dir/resources/clearline"

# The SUID sandbox helper only where the kernel offers no unprivileged user namespaces.
if ! { [[ -L /proc/self/ns/user ]] && unshare --user true; }; then
    chmod 4755 "$app_dir/chrome-sandbox" || true
else
    chmod 0755 "$app_dir/chrome-sandbox" || true
fi

if hash update-mime-database 2>/dev/null; then
    update-mime-database /usr/share/mime || true
fi

if hash update-desktop-database 2>/dev/null; then
    update-desktop-database /usr/share/applications || true
fi

# Ubuntu 24+ allows user namespaces only to profiled programs: install electron-builder's
# profile where this AppArmor understands it (a dry-run parse first; 22.04 does not need it).
if apparmor_status --enabled > /dev/null 2>&1; then
    profile_source="$app_dir/resources/apparmor-profile"
    profile_target='/etc/apparmor.d/${executable}'
    if apparmor_parser --skip-kernel-load --debug "$profile_source" > /dev/null 2>&1; then
        cp -f "$profile_source" "$profile_target"
        if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
            apparmor_parser --replace --write-cache --skip-read-cache "$profile_target"
        fi
    else
        echo "Skipping the AppArmor profile: this AppArmor version does not support it"
    fi
fi
