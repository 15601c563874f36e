package cn.jiaozuo.biodiversity.observation.domain;

/** Coordinate datum a client sends; GCJ02 is the offset datum of Chinese map SDKs. */
public enum Datum {
    WGS84, GCJ02
}
