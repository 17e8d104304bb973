package com.axcient.connectwise.client.internal;

import java.util.Map;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.HeaderMap;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.QueryMap;
import retrofit2.http.Tag;
import retrofit2.http.Url;

/**
 * The HTTP shapes of the ConnectWise REST API. URLs are absolute because the codebase in them is
 * discovered at run time and may change; bodies are raw so the client controls decoding, size
 * limits and error classification.
 */
interface ConnectWiseService {

  @GET
  Call<ResponseBody> get(
      @Url String url,
      @QueryMap Map<String, String> query,
      @HeaderMap Map<String, String> headers,
      @Tag RequestTag tag);

  @POST
  Call<ResponseBody> post(
      @Url String url,
      @Body RequestBody body,
      @HeaderMap Map<String, String> headers,
      @Tag RequestTag tag);

  @PUT
  Call<ResponseBody> put(
      @Url String url,
      @Body RequestBody body,
      @HeaderMap Map<String, String> headers,
      @Tag RequestTag tag);

  @PATCH
  Call<ResponseBody> patch(
      @Url String url,
      @Body RequestBody body,
      @HeaderMap Map<String, String> headers,
      @Tag RequestTag tag);

  @DELETE
  Call<ResponseBody> delete(
      @Url String url, @HeaderMap Map<String, String> headers, @Tag RequestTag tag);
}
