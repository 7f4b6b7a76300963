/**
 * Detached CMS (PKCS#7) signatures: the document stays byte for byte as issued and each
 * signer's signature is a separate .p7s, verifiable by anyone with the root certificate,
 * e.g. `openssl cms -verify -binary -inform DER -in x.p7s -content x.pdf -CAfile root.pem`.
 *
 * Only WebCrypto (globalThis.crypto) and pure-JS libraries: the browser bundles this very
 * module to sign with the key it holds, so server and browser produce the same format.
 */
import 'reflect-metadata';
import * as asn1js from 'asn1js';
import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';

const crypto = globalThis.crypto;

const OID = {
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
};

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** Signs `data` with `privateKey`; the signing time is a signed attribute. */
export async function signDetached(data: Uint8Array, certificate: x509.X509Certificate, privateKey: CryptoKey, signingTime = new Date()): Promise<Uint8Array> {
  const cert = pkijs.Certificate.fromBER(certificate.rawData);
  const digest = await crypto.subtle.digest('SHA-256', toArrayBuffer(data));
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
            new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: signingTime })] }),
            new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
          ],
        }),
      }),
    ],
    certificates: [cert],
  });
  await signed.sign(privateKey, 0, 'SHA-256', toArrayBuffer(data));
  const content = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signed.toSchema(true) });
  return new Uint8Array(content.toSchema().toBER(false));
}

export type SignatureStatus = 'valid' | 'invalid' | 'revoked' | 'untrusted';

export interface SignatureCheck {
  status: SignatureStatus;
  /** Why it is not valid, "中文 / English". */
  reason?: string;
  certificate?: x509.X509Certificate;
  serial?: string;
  subject?: string;
  /** The signer's common name. */
  signerName?: string;
  signedAt?: Date;
  revokedAt?: Date;
}

export interface TrustAnchors {
  roots: x509.X509Certificate[];
  /** Revoked certificate serials (lower-case hex) and when. */
  revoked: Map<string, Date>;
}

function signingTimeOf(signedData: pkijs.SignedData): Date | undefined {
  const attribute = signedData.signerInfos[0]?.signedAttrs?.attributes.find((candidate) => candidate.type === OID.signingTime);
  const value = attribute?.values[0] as { toDate?: () => Date } | undefined;
  return value?.toDate?.();
}

/** Checks one detached signature of `data` against the trust anchors. */
export async function verifyDetached(data: Uint8Array, cms: Uint8Array, anchors: TrustAnchors): Promise<SignatureCheck> {
  let signedData: pkijs.SignedData;
  try {
    const content = pkijs.ContentInfo.fromBER(toArrayBuffer(cms));
    signedData = new pkijs.SignedData({ schema: content.content });
  } catch {
    return { status: 'invalid', reason: '签名文件无法解析 / the signature cannot be read (not a CMS signature)' };
  }
  const embedded = signedData.certificates?.[0];
  if (!(embedded instanceof pkijs.Certificate)) return { status: 'invalid', reason: '签名中没有签名者证书 / the signature carries no signer certificate' };
  const certificate = new x509.X509Certificate(embedded.toSchema().toBER(false));
  const serial = certificate.serialNumber.toLowerCase();
  const who = { certificate, serial, subject: certificate.subject, signerName: certificate.subjectName.getField('CN')[0], signedAt: signingTimeOf(signedData) };

  const issuer = anchors.roots.find((root) => root.subject === certificate.issuer);
  if (!issuer || !(await certificate.verify({ publicKey: issuer.publicKey, signatureOnly: true }))) {
    return { ...who, status: 'untrusted', reason: '签名者证书不是由受信任的根证书签发 / the signer’s certificate was not issued by the trusted root' };
  }
  let verified = false;
  try {
    const result = await signedData.verify({ signer: 0, data: toArrayBuffer(data), checkChain: false, extendedMode: true });
    verified = result.signatureVerified === true;
  } catch {
    verified = false;
  }
  if (!verified) return { ...who, status: 'invalid', reason: '文件内容与签名不符（已被修改）/ the document does not match the signature (it was altered)' };
  const revokedAt = anchors.revoked.get(serial);
  if (revokedAt) return { ...who, status: 'revoked', revokedAt, reason: '签名者证书已被吊销 / the signer’s certificate has been revoked' };
  if (who.signedAt && (who.signedAt < certificate.notBefore || who.signedAt > certificate.notAfter)) {
    return { ...who, status: 'invalid', reason: '签名时间不在证书有效期内 / signed outside the certificate’s validity' };
  }
  return { ...who, status: 'valid' };
}

/** Revoked serials from a CRL, after checking it was signed by the root. */
export async function revokedFromCrl(crl: x509.X509Crl, root: x509.X509Certificate): Promise<Map<string, Date>> {
  if (!(await crl.verify({ publicKey: root.publicKey }))) throw new Error('吊销列表的签名无效 / the revocation list is not signed by the root');
  return new Map(crl.entries.map((entry) => [entry.serialNumber.toLowerCase(), entry.revocationDate]));
}
