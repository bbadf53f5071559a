import { describe, expect, it } from 'vitest';
import { isPublicAddress, publicAddressesAnd } from '../../../../../../electron/services/mail/read/remote-address-policy.ts';

describe('isPublicAddress', () => {
  it('refuses every local, private and special IPv4 range', () => {
    for (const address of [
      '0.0.0.0',
      '0.1.2.3',
      '10.0.0.1',
      '100.64.0.1',
      '100.127.255.254',
      '127.0.0.1',
      '127.255.255.254',
      '169.254.169.254',
      '172.16.0.1',
      '172.31.255.255',
      '192.0.0.8',
      '192.0.2.1',
      '192.168.1.1',
      '198.18.0.1',
      '224.0.0.251',
      '239.255.255.250',
      '240.0.0.1',
      '255.255.255.255',
    ]) {
      expect([address, isPublicAddress(address)]).toEqual([address, false]);
    }
  });

  it('refuses the IPv6 equivalents, and IPv4 ranges written as IPv6', () => {
    for (const address of [
      '::',
      '::1',
      '0:0:0:0:0:0:0:1',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      'febf::1',
      'fec0::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::FFFF:10.0.0.1',
      '::ffff:169.254.169.254',
      '64:ff9b::192.168.0.1',
      '::127.0.0.1',
      '2001:db8::1',
      '2002:7f00:1::',
      '100::1',
      'fe80::1%eth0',
      'not an address',
      '',
    ]) {
      expect([address, isPublicAddress(address)]).toEqual([address, false]);
    }
  });

  it('allows public unicast addresses, v4 and v6', () => {
    for (const address of ['8.8.8.8', '93.184.216.34', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '2a00:1450:4001::200e', '::ffff:8.8.8.8', '64:ff9b::808:808']) {
      expect([address, isPublicAddress(address)]).toEqual([address, true]);
    }
  });

  it('lets a test allow exactly the addresses it names, and nothing next to them', () => {
    const policy = publicAddressesAnd(['127.0.0.2']);
    expect(policy.allows('127.0.0.2')).toBe(true);
    expect(policy.allows('127.0.0.1')).toBe(false);
    expect(policy.allows('::1')).toBe(false);
    expect(policy.allows('8.8.8.8')).toBe(true);
  });
});
