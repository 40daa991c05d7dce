//! Network interfaces from the capture's interface list (IL block), used to fill
//! in unknown socket addresses (the datagram rewrite) and to tell local addresses
//! from remote ones.

/// An IPv4 interface address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ipv4Iface {
    /// Interface name.
    pub name: Vec<u8>,
    /// Address, network order.
    pub addr: [u8; 4],
    /// Netmask, network order.
    pub netmask: [u8; 4],
    /// Broadcast address, network order.
    pub bcast: [u8; 4],
}

/// An IPv6 interface address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ipv6Iface {
    /// Interface name.
    pub name: Vec<u8>,
    /// Address.
    pub addr: [u8; 16],
}

const LOOPBACK_V4: [u8; 4] = [127, 0, 0, 1];
const LOOPBACK_V6: [u8; 16] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];

/// The interface lists, in the IL block's order (inference depends on it).
#[derive(Clone, Debug, Default)]
pub struct Interfaces {
    v4: Vec<Ipv4Iface>,
    v6: Vec<Ipv6Iface>,
    /// The IL entries as read, for writing them out again.
    entries: Vec<scap::Interface>,
}

fn and4(a: [u8; 4], m: [u8; 4]) -> [u8; 4] {
    [a[0] & m[0], a[1] & m[1], a[2] & m[2], a[3] & m[3]]
}

impl Interfaces {
    /// Replaces the lists with a capture's.
    pub(crate) fn load(&mut self, meta: &scap::Metadata) {
        self.clear();
        self.entries.clone_from(&meta.interfaces);
        for i in &meta.interfaces {
            match i {
                scap::Interface::V4 { name, addr, netmask, bcast, .. } => self.v4.push(Ipv4Iface {
                    name: name.clone(),
                    addr: *addr,
                    netmask: *netmask,
                    bcast: *bcast,
                }),
                scap::Interface::V6 { name, addr, .. } => {
                    self.v6.push(Ipv6Iface { name: name.clone(), addr: *addr })
                }
            }
        }
    }

    pub(crate) fn clear(&mut self) {
        self.v4.clear();
        self.v6.clear();
        self.entries.clear();
    }

    /// The interface list entries as the capture stored them (with link speeds
    /// and IPv6 masks).
    pub fn entries(&self) -> &[scap::Interface] {
        &self.entries
    }

    /// IPv4 interfaces.
    pub fn ipv4(&self) -> &[Ipv4Iface] {
        &self.v4
    }

    /// IPv6 interfaces.
    pub fn ipv6(&self) -> &[Ipv6Iface] {
        &self.v6
    }

    /// The local address used to reach `a`: an interface with that address, else
    /// the first in the same subnet, else the first non-loopback one, else 0.
    pub fn infer_ipv4(&self, a: [u8; 4]) -> [u8; 4] {
        if let Some(i) = self.v4.iter().find(|i| i.addr == a) {
            return i.addr;
        }
        if let Some(i) = self.v4.iter().find(|i| and4(i.addr, i.netmask) == and4(a, i.netmask)) {
            return i.addr;
        }
        self.v4.iter().find(|i| i.addr != LOOPBACK_V4).map_or([0; 4], |i| i.addr)
    }

    /// IPv6 version of [`Self::infer_ipv4`]; "same subnet" means the same first
    /// 8 bytes.
    pub fn infer_ipv6(&self, a: [u8; 16]) -> [u8; 16] {
        if let Some(i) = self.v6.iter().find(|i| i.addr == a) {
            return i.addr;
        }
        if let Some(i) = self.v6.iter().find(|i| i.addr[..8] == a[..8]) {
            return i.addr;
        }
        self.v6.iter().find(|i| i.addr != LOOPBACK_V6).map_or([0; 16], |i| i.addr)
    }

    /// True if `a` is the address of one of the capture host's IPv4 interfaces.
    pub fn is_local_ipv4(&self, a: [u8; 4]) -> bool {
        self.v4.iter().any(|i| i.addr == a)
    }

    /// True if `a` is in the /64 of one of the host's IPv6 interfaces.
    pub fn is_local_ipv6(&self, a: [u8; 16]) -> bool {
        self.v6.iter().any(|i| i.addr[..8] == a[..8])
    }

    /// True if `a` is in a private range or the subnet of a host interface
    /// (`is_ipv4addr_in_subnet`).
    pub fn is_ipv4_in_subnet(&self, a: [u8; 4]) -> bool {
        if a[0] == 10 || (a[0] == 192 && a[1] == 168) || (a[0] == 172 && a[1] & 0xf0 == 16) {
            return true;
        }
        self.v4.iter().any(|i| and4(i.addr, i.netmask) == and4(a, i.netmask))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed_like() -> Interfaces {
        let mut i = Interfaces::default();
        i.v4.push(Ipv4Iface {
            name: b"lo".to_vec(),
            addr: [127, 0, 0, 1],
            netmask: [255, 0, 0, 0],
            bcast: [127, 0, 0, 1],
        });
        i.v4.push(Ipv4Iface {
            name: b"eth0".to_vec(),
            addr: [10, 0, 2, 15],
            netmask: [255, 255, 255, 0],
            bcast: [10, 0, 2, 255],
        });
        i.v4.push(Ipv4Iface {
            name: b"docker0".to_vec(),
            addr: [172, 17, 0, 1],
            netmask: [255, 255, 0, 0],
            bcast: [172, 17, 255, 255],
        });
        i
    }

    #[test]
    fn inference_order() {
        let i = seed_like();
        assert_eq!(i.infer_ipv4([172, 17, 0, 1]), [172, 17, 0, 1]);
        assert_eq!(i.infer_ipv4([172, 17, 0, 7]), [172, 17, 0, 1]);
        assert_eq!(i.infer_ipv4([145, 216, 3, 255]), [10, 0, 2, 15]);
        assert_eq!(Interfaces::default().infer_ipv4([1, 2, 3, 4]), [0; 4]);
        assert!(i.is_local_ipv4([10, 0, 2, 15]));
        assert!(i.is_ipv4_in_subnet([172, 20, 1, 1]));
    }
}
