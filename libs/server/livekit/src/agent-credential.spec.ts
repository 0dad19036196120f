import { mintAgentCredential, verifyAgentCredential } from './agent-credential';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';

describe('agent credentials', () => {
  it('name one interview and expire', () => {
    const credential = mintAgentCredential(SECRET, 'interview-1', 60);
    expect(verifyAgentCredential(SECRET, credential)).toMatchObject({ interviewId: 'interview-1' });
    expect(verifyAgentCredential(SECRET, credential, Date.now() + 61_000)).toBeNull();
  });

  it('refuse another secret, tampering and junk', () => {
    const credential = mintAgentCredential(SECRET, 'interview-1');
    expect(verifyAgentCredential('another-secret-of-at-least-thirty-two-chars', credential)).toBeNull();
    const [payload, signature] = credential.split('.');
    const forged = Buffer.from(JSON.stringify({ i: 'interview-2', e: 9_999_999_999 })).toString('base64url');
    expect(verifyAgentCredential(SECRET, `${forged}.${signature}`)).toBeNull();
    expect(verifyAgentCredential(SECRET, `${payload}.${signature}x`)).toBeNull();
    for (const junk of [undefined, 42, '', 'a.b.c', '.', 'x'.repeat(600)])
      expect(verifyAgentCredential(SECRET, junk)).toBeNull();
  });
});
