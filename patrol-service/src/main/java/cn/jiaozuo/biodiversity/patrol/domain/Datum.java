package cn.jiaozuo.biodiversity.patrol.domain;

/** Datum of the coordinates a client sends; GCJ02 is the offset datum of Chinese map SDKs. Stored as WGS-84. */
public enum Datum {
    WGS84, GCJ02
}
