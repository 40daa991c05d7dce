//! Users and groups from the capture's user list (UL block).
//!
//! One map serves the whole capture: processes inside containers are resolved
//! against the host's list, as sysdig does. A later entry for the same id wins.

use rustc_hash::FxHashMap;

/// One user.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserInfo {
    /// uid.
    pub uid: u32,
    /// Primary gid.
    pub gid: u32,
    /// Login name.
    pub name: Vec<u8>,
    /// Home directory.
    pub homedir: Vec<u8>,
    /// Login shell.
    pub shell: Vec<u8>,
}

/// One group.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupInfo {
    /// gid.
    pub gid: u32,
    /// Group name.
    pub name: Vec<u8>,
}

/// The user and group maps.
#[derive(Clone, Debug, Default)]
pub struct Users {
    users: FxHashMap<u32, UserInfo>,
    groups: FxHashMap<u32, GroupInfo>,
}

impl Users {
    /// Adds (or replaces) the users and groups of a capture's metadata. Existing
    /// entries are kept, as sinsp keeps them across concatenated sections.
    pub(crate) fn load(&mut self, meta: &scap::Metadata) {
        for u in &meta.users {
            self.users.insert(
                u.uid,
                UserInfo {
                    uid: u.uid,
                    gid: u.gid,
                    name: u.name.clone(),
                    homedir: u.homedir.clone(),
                    shell: u.shell.clone(),
                },
            );
        }
        for g in &meta.groups {
            self.groups.insert(g.gid, GroupInfo { gid: g.gid, name: g.name.clone() });
        }
    }

    /// The user with `uid`; 0xFFFFFFFF never resolves.
    pub fn user(&self, uid: u32) -> Option<&UserInfo> {
        if uid == u32::MAX {
            return None;
        }
        self.users.get(&uid)
    }

    /// The group with `gid`; 0xFFFFFFFF never resolves.
    pub fn group(&self, gid: u32) -> Option<&GroupInfo> {
        if gid == u32::MAX {
            return None;
        }
        self.groups.get(&gid)
    }

    /// Every user, in no particular order.
    pub fn users(&self) -> impl Iterator<Item = &UserInfo> {
        self.users.values()
    }

    /// Every group, in no particular order.
    pub fn groups(&self) -> impl Iterator<Item = &GroupInfo> {
        self.groups.values()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_entry_wins_and_minus_one_never_resolves() {
        let mut meta = scap::Metadata::default();
        meta.users.push(scap::User { uid: 0, name: b"root".to_vec(), ..Default::default() });
        meta.users.push(scap::User { uid: 0, name: b"toor".to_vec(), ..Default::default() });
        meta.users.push(scap::User { uid: u32::MAX, name: b"x".to_vec(), ..Default::default() });
        let mut u = Users::default();
        u.load(&meta);
        assert_eq!(u.user(0).unwrap().name, b"toor");
        assert!(u.user(u32::MAX).is_none());
        assert!(u.group(5).is_none());
    }
}
